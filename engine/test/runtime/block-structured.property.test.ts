import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProcess } from '../../src/compile/index.js';
import { persistSnapshot } from '../../src/runtime/index.js';
import { ModelBuilder } from '../../src/testing/index.js';
import { drive } from '../helpers/drive.js';

type Block =
  | { kind: 'task' }
  | { kind: 'seq'; items: Block[] }
  | { kind: 'par' | 'xor' | 'incl'; items: Block[] };

const blockArb: fc.Arbitrary<Block> = fc.letrec<{ block: Block }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant<Block>({ kind: 'task' }),
    fc.record({ kind: fc.constant('seq' as const), items: fc.array(tie('block'), { minLength: 1, maxLength: 4 }) }),
    fc.record({ kind: fc.constantFrom('par' as const, 'xor' as const, 'incl' as const), items: fc.array(tie('block'), { minLength: 2, maxLength: 4 }) }),
  ),
})).block;

function depth(b: Block): number {
  return b.kind === 'task' ? 0 : 1 + Math.max(...b.items.map(depth));
}
function tasks(b: Block): number {
  return b.kind === 'task' ? 1 : b.items.reduce((n, i) => n + tasks(i), 0);
}

/** Builds the model; returns the variables that steer its gateways and the tasks that must run. */
function build(root: Block, choice: (n: number) => number, pick: (n: number) => boolean[]) {
  const b = new ModelBuilder('random');
  const variables: Record<string, unknown> = {};
  let n = 0;
  const emit = (block: Block): { entry: string; exit: string; expected: string[] } => {
    const id = ++n;
    switch (block.kind) {
      case 'task': {
        b.userTask(`t${id}`, { department: 'd' });
        return { entry: `t${id}`, exit: `t${id}`, expected: [`t${id}`] };
      }
      case 'seq': {
        const parts = block.items.map(emit);
        for (let i = 1; i < parts.length; i++) b.flow(parts[i - 1]!.exit, parts[i]!.entry);
        return { entry: parts[0]!.entry, exit: parts[parts.length - 1]!.exit, expected: parts.flatMap((p) => p.expected) };
      }
      case 'par':
      case 'incl': {
        const kind = block.kind === 'par' ? 'parallelGateway' : 'inclusiveGateway';
        const parts = block.items.map(emit);
        const taken = block.kind === 'par' ? parts.map(() => true) : pick(parts.length);
        b.node({ kind, id: `f${id}`, ...(block.kind === 'incl' ? { defaultFlow: `f${id}_d` } : {}) }).node({ kind, id: `j${id}` });
        parts.forEach((p, i) => {
          const isDefault = block.kind === 'incl' && i === parts.length - 1;
          b.flow(`f${id}`, p.entry, block.kind === 'incl' && !isDefault ? { condition: `in${id}[${i + 1}]` } : isDefault ? { id: `f${id}_d` } : {});
          b.flow(p.exit, `j${id}`);
        });
        let expected: string[];
        if (block.kind === 'incl') {
          const conds = taken.slice(0, -1);
          variables[`in${id}`] = conds;
          const effective = conds.some(Boolean) ? [...conds, false] : [...conds.map(() => false), true];
          expected = parts.flatMap((p, i) => (effective[i] ? p.expected : []));
        } else expected = parts.flatMap((p) => p.expected);
        return { entry: `f${id}`, exit: `j${id}`, expected };
      }
      case 'xor': {
        const parts = block.items.map(emit);
        const chosen = choice(parts.length);
        variables[`x${id}`] = chosen;
        b.node({ kind: 'exclusiveGateway', id: `x${id}`, defaultFlow: `x${id}_d` }).node({ kind: 'exclusiveGateway', id: `m${id}` });
        parts.forEach((p, i) => {
          const isDefault = i === parts.length - 1;
          b.flow(`x${id}`, p.entry, isDefault ? { id: `x${id}_d` } : { condition: `x${id} = ${i}` });
          b.flow(p.exit, `m${id}`);
        });
        return { entry: `x${id}`, exit: `m${id}`, expected: parts[chosen]!.expected };
      }
    }
  };
  const body = emit(root);
  b.node({ kind: 'startEvent', id: 'start', trigger: 'none' }).node({ kind: 'endEvent', id: 'end', result: 'none' });
  b.flow('start', body.entry).flow(body.exit, 'end');
  return { model: b.build(), variables, expected: body.expected };
}

// The root is always a composite, so most cases exercise nested gateways.
const rootArb: fc.Arbitrary<Block> = fc.record({
  kind: fc.constantFrom('seq' as const, 'par' as const, 'xor' as const, 'incl' as const),
  items: fc.array(blockArb, { minLength: 2, maxLength: 4 }),
});

const caseArb = fc.record({
  root: rootArb.filter((b) => depth(b) <= 4 && tasks(b) >= 1 && tasks(b) <= 40),
  seeds: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
  order: fc.array(fc.nat(), { minLength: 80, maxLength: 80 }),
});

describe('random block-structured processes', () => {
  it('compile, finish in any completion order, open each task once and run the tasks their gateways choose', () => {
    fc.assert(fc.property(caseArb, ({ root, seeds, order }) => {
      let s = 0;
      const next = () => seeds[s++ % seeds.length]!;
      const { model, variables, expected } = build(root, (k) => next() % k, (k) => Array.from({ length: k }, () => next() % 2 === 0));
      const compiled = compileProcess(model);
      expect(compiled.problems.filter((p) => p.severity === 'error')).toEqual([]);
      if (!compiled.ok) return;
      let o = 0;
      const log = drive(compiled.process, variables, { pick: () => order[o++ % order.length]! });
      expect(log.last.status).toBe('completed');
      expect(new Set(log.openedIds).size).toBe(log.openedIds.length);
      expect(new Set(log.opened).size).toBe(log.opened.length);
      expect([...log.opened].sort()).toEqual([...expected].sort());
    }), { numRuns: 300 });
  });

  it('behave identically when every step starts from the JSON snapshot', () => {
    fc.assert(fc.property(caseArb, ({ root, seeds, order }) => {
      let s = 0;
      const next = () => seeds[s++ % seeds.length]!;
      const { model, variables } = build(root, (k) => next() % k, (k) => Array.from({ length: k }, () => next() % 2 === 0));
      const compiled = compileProcess(model);
      if (!compiled.ok) throw new Error('does not compile');
      let o1 = 0;
      let o2 = 0;
      const live = drive(compiled.process, variables, { pick: () => order[o1++ % order.length]! });
      const restored = drive(compiled.process, variables, { pick: () => order[o2++ % order.length]!, restoreEachStep: true });
      expect(restored.openedIds).toEqual(live.openedIds);
      expect(persistSnapshot(compiled.process, restored.last.snapshot)).toEqual(persistSnapshot(compiled.process, live.last.snapshot));
    }), { numRuns: 200 });
  });
});
