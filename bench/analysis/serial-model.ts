import type { ProcessModel } from '@tongban/engine';
import { ModelBuilder } from '@tongban/engine/testing';

/** A small seeded generator (mulberry32), so every run re-engineers the same model. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEPARTMENTS = ['market', 'police', 'tax', 'hrss', 'medical-insurance', 'housing-fund', 'natural-resources', 'housing', 'ecology'];

/**
 * start → `count` user tasks in a row → end. Task i writes `t<i>.out` (and
 * now and then a shared `common.<k>`), and reads up to three outputs of
 * earlier tasks (sometimes a whole `t<j>` prefix) or an application input,
 * so the dependency graph has real depth and some write-write pairs.
 */
export function serialModel(count: number, seed = 42): ProcessModel {
  const random = seeded(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const builder = new ModelBuilder(`serial_${count}`).node({ kind: 'startEvent', id: 'start', trigger: 'none' });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const reads = Array.from({ length: pick(4) }, () => {
      if (i === 0 || random() < 0.2) return `applicant.field${pick(10)}`;
      const j = pick(i);
      return random() < 0.2 ? `t${j}` : `t${j}.out`;
    });
    const writes = [`t${i}.out`, ...(random() < 0.1 ? [`common.k${pick(5)}`] : [])];
    const id = `task_${i}`;
    builder.userTask(id, { name: `事项 ${i + 1}`, department: DEPARTMENTS[i % DEPARTMENTS.length]!, legalTimeLimit: '20wd', timeLimit: `${1 + pick(3)}wd`, reads, writes });
    ids.push(id);
  }
  return builder.node({ kind: 'endEvent', id: 'end', result: 'none' }).chain('start', ...ids, 'end').build();
}
