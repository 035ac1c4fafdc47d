import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dependencyGraph, pathsOverlap, stageTasks, type TaskAccess } from '../../../src/analysis/reengineer/index.js';

/** Paths from a small vocabulary, so reads and writes meet often, at several depths. */
const pathArb = fc.constantFrom('company', 'company.uscc', 'company.name', 'company.name.full', 'seal.done', 'tax', 'tax.registered', 'bank.account', 'x', 'x.y.z');
const chainArb = fc.array(fc.record({ reads: fc.array(pathArb, { maxLength: 4 }), writes: fc.array(pathArb, { maxLength: 3 }) }), { minLength: 1, maxLength: 40 })
  .map((tasks): TaskAccess[] => tasks.map((t, i) => ({ id: `t${i}`, ...t })));

/** Producers by the definition itself: earlier tasks writing a path overlapping one the task reads. */
function producersOf(tasks: readonly TaskAccess[], index: number): TaskAccess[] {
  const task = tasks[index]!;
  return tasks.slice(0, index).filter((p) => task.reads.some((r) => p.writes.some((w) => pathsOverlap(r, w))));
}

describe('stageTasks over dependencyGraph, for random serial chains of 1–40 tasks', () => {
  it('never stages a task before (or beside) a task it reads from, and stages it exactly one after the latest', () => {
    fc.assert(fc.property(chainArb, (tasks) => {
      const staging = stageTasks(dependencyGraph(tasks));

      expect(staging.problems).toEqual([]);
      expect(staging.stages.flat().sort()).toEqual(tasks.map((t) => t.id).sort());
      tasks.forEach((task, index) => {
        const producers = producersOf(tasks, index).map((p) => staging.stageOf.get(p.id)!);
        const stage = staging.stageOf.get(task.id)!;
        for (const producerStage of producers) expect(stage).toBeGreaterThan(producerStage);
        expect(stage).toBe(1 + Math.max(0, ...producers));
        expect(staging.stages[stage - 1]).toContain(task.id);
      });
    }), { numRuns: 300 });
  });

  it('keeps the as-is order inside each stage and leaves no stage empty', () => {
    fc.assert(fc.property(chainArb, (tasks) => {
      const { stages } = stageTasks(dependencyGraph(tasks));
      const position = new Map(tasks.map((t, i) => [t.id, i]));

      for (const stage of stages) {
        expect(stage.length).toBeGreaterThan(0);
        expect([...stage].sort((a, b) => position.get(a)! - position.get(b)!)).toEqual(stage);
      }
    }));
  });
});
