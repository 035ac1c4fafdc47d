import { describe, expect, it } from 'vitest';
import { compileProcess } from '../../src/compile/index.js';
import type { BoundaryEvent } from '../../src/index.js';
import { ModelBuilder } from '../../src/testing/index.js';
import { drive } from '../helpers/drive.js';

const start = { kind: 'startEvent', id: 's', trigger: 'none' } as const;
const end = (id = 'e') => ({ kind: 'endEvent', id, result: 'none' } as const);
const par = (id: string) => ({ kind: 'parallelGateway', id } as const);
const xor = (id: string, defaultFlow?: string) => ({ kind: 'exclusiveGateway', id, ...(defaultFlow ? { defaultFlow } : {}) } as const);

function errors(b: ModelBuilder) {
  return compileProcess(b.build()).problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.elementId]);
}

describe('compiler: diagrams that are not block-structured are refused with the element ids', () => {
  it('branches of a fork meeting at a task instead of a join', () => {
    const b = new ModelBuilder('p').node(start).node(par('f')).userTask('a').userTask('b').userTask('c').node(end())
      .chain('s', 'f', 'a', 'c').chain('f', 'b', 'c').chain('c', 'e');
    expect(errors(b)).toEqual([['compile/unstructured', 'c']]);
  });

  it('a join with more incoming flows than the fork has branches', () => {
    const b = new ModelBuilder('p').node(start).node(par('f')).node(xor('x', 'x_d')).userTask('a').userTask('b').userTask('c').node(par('j')).node(end())
      .chain('s', 'f', 'a', 'x').flow('x', 'j', { id: 'x_d' }).flow('x', 'c', { condition: 'more' }).chain('c', 'j').chain('f', 'b', 'j').chain('j', 'e');
    expect(errors(b)).toEqual([['compile/join-mismatch', 'j']]);
  });

  it('a branch that jumps past the join', () => {
    const b = new ModelBuilder('p').node(start).node(par('f')).node(xor('x', 'x_d')).userTask('a').userTask('b').userTask('after').node(par('j')).node(end())
      .chain('s', 'f', 'a', 'x').flow('x', 'j', { id: 'x_d' }).flow('x', 'after', { condition: 'skip' }).chain('f', 'b', 'j').chain('j', 'after', 'e');
    expect(errors(b)[0]).toEqual(['compile/unstructured', 'after']);
  });

  it('a none end event inside a branch whose join would wait forever', () => {
    const b = new ModelBuilder('p').node(start).node(par('f')).node(xor('x', 'x_d')).userTask('a').userTask('b').node(par('j')).node(end()).node(end('dead'))
      .chain('s', 'f', 'a', 'x').flow('x', 'j', { id: 'x_d' }).flow('x', 'dead', { condition: 'stop' }).chain('f', 'b', 'j').chain('j', 'e');
    expect(errors(b)).toEqual([['compile/dead-branch', 'dead']]);
  });

  it('a loop back into the middle of a branch from outside the block', () => {
    const b = new ModelBuilder('p').node(start).node(par('f')).userTask('a1').userTask('a2').userTask('b').node(par('j')).node(xor('x', 'x_d')).node(end())
      .chain('s', 'f', 'a1', 'a2', 'j').chain('f', 'b', 'j').chain('j', 'x').flow('x', 'e', { id: 'x_d' }).flow('x', 'a2', { condition: 'again' });
    expect(errors(b)).toEqual([['compile/unstructured', 'x']]);
  });

  it('a parallel fork closed by an exclusive gateway', () => {
    const b = new ModelBuilder('p').node(start).node(par('f')).userTask('a').userTask('b').node(xor('m')).node(end())
      .chain('s', 'f', 'a', 'm').chain('f', 'b', 'm').chain('m', 'e');
    expect(errors(b)).toEqual([['compile/unstructured', 'm']]);
  });

  it('a task with two outgoing flows and no gateway', () => {
    const b = new ModelBuilder('p').node(start).userTask('a').userTask('b').userTask('c').node(end())
      .chain('s', 'a', 'b', 'e').chain('a', 'c', 'e');
    expect(errors(b)).toContainEqual(['compile/implicit-split', 'a']);
  });

  it('an escalation path that merges back into the main flow', () => {
    const remind: BoundaryEvent = { id: 'remind', attachedTo: 'a', cancelActivity: false, trigger: { type: 'timer', timer: { type: 'duration', value: 'P1D' } }, outgoing: [] };
    const b = new ModelBuilder('p').node(start).userTask('a', { boundaries: [remind] }).userTask('urge').userTask('b').node(end())
      .chain('s', 'a', 'b', 'e').chain('remind', 'urge', 'b');
    expect(errors(b)).toContainEqual(['compile/side-path-merges', 'remind']);
  });

  it('timers that cannot be scheduled', () => {
    const b = new ModelBuilder('p').node(start)
      .node({ kind: 'timerCatch', id: 't1', timer: { type: 'cycle', value: 'R3/PT1H' } })
      .node({ kind: 'timerCatch', id: 't2', timer: { type: 'duration', value: 'three days' } }).node(end())
      .chain('s', 't1', 't2', 'e');
    expect(errors(b)).toEqual([['compile/unsupported-timer-cycle', 't1'], ['compile/invalid-timer', 't2']]);
  });

  it('an event-based gateway that leads to a task', () => {
    const b = new ModelBuilder('p').node(start).node({ kind: 'eventBasedGateway', id: 'g' }).userTask('a').node(end())
      .chain('s', 'g', 'a', 'e');
    expect(errors(b)).toEqual([['compile/event-gateway-target', 'g']]);
  });
});

describe('compiler: structures that run', () => {
  it('a loop from inside a branch back before the fork', () => {
    const b = new ModelBuilder('p').node(start).userTask('accept').node(par('f')).userTask('a').node(xor('x', 'x_d')).userTask('b').node(par('j')).node(end())
      .chain('s', 'accept', 'f', 'a', 'x').flow('x', 'j', { id: 'x_d' }).flow('x', 'accept', { condition: 'again' }).chain('f', 'b', 'j').chain('j', 'e');
    const r = compileProcess(b.build());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    let loops = 0;
    const log = drive(r.process, { again: true }, { complete: (id) => (id === 'a' ? { again: loops++ < 1 } : undefined), pick: () => 0 });
    expect(log.last.status).toBe('completed');
    expect(log.opened).toEqual(['accept', 'a', 'b', 'accept', 'a', 'b']);
  });

  it('a fork whose branches end in their own end events, without a join', () => {
    const b = new ModelBuilder('p').node(start).node(par('f')).userTask('a').userTask('b').node(end('e1')).node(end('e2'))
      .chain('s', 'f', 'a', 'e1').chain('f', 'b', 'e2');
    const r = compileProcess(b.build());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const log = drive(r.process, {});
    expect(log.last.status).toBe('completed');
    expect(log.opened).toEqual(['a', 'b']);
  });

  it('nested parallel blocks three deep', () => {
    const b = new ModelBuilder('p').node(start).node(end())
      .node(par('f1')).node(par('j1')).node(par('f2')).node(par('j2')).node(par('f3')).node(par('j3'))
      .userTask('a').userTask('b').userTask('c').userTask('d')
      .chain('s', 'f1', 'a', 'j1', 'e').chain('f1', 'f2', 'b', 'j2', 'j1').chain('f2', 'f3', 'c', 'j3', 'j2').chain('f3', 'd', 'j3');
    const r = compileProcess(b.build());
    expect(r.problems).toEqual([]);
    if (!r.ok) return;
    expect(drive(r.process, {}).opened.sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});
