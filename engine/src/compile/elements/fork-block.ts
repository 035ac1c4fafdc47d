import { assign } from 'xstate';
import type { FlowNode } from '../../model/index.js';
import { ref, regionEndId, regionExit, type Builder, type Frame, type StateConfig } from '../builder.js';
import type { InstanceContext } from '../machine-types.js';
import type { Block } from '../structure/index.js';
import { safeCondition } from './exclusive-gateway.js';

/**
 * A parallel or inclusive fork with its join becomes one XState parallel
 * state: a region per branch, `onDone` when every region has reached its end.
 * An inclusive fork decides all its branches at once when it is reached
 * (the default flow only when no other condition holds); a branch not taken
 * goes straight to its end.
 */
export function compileForkBlock(b: Builder, frame: Frame, fork: FlowNode, block: Block): StateConfig {
  const key = b.keys.keyOf(fork.id);
  b.entries.set(key, { info: { kind: 'container', elementId: fork.id }, boundaryTimers: [] });
  const states: Record<string, StateConfig> = {};
  const flows = block.regions.map((r) => (r.flowId === undefined ? undefined : frame.scope.flows.get(r.flowId)));
  for (const [i, region] of block.regions.entries()) {
    const body = b.compileRegion(frame, region);
    if (block.kind === 'inclusive') {
      const gate = b.keys.keyOf(`${region.key}__gate`);
      body.states = {
        [gate]: { id: gate, always: [{ guard: ({ context }) => context.incl[fork.id]?.[i] === true, target: ref(body.initial ?? regionEndId(b.keys, region)) }, { target: ref(regionEndId(b.keys, region)) }] },
        ...body.states,
      };
      body.initial = gate;
    }
    states[b.keys.keyOf(region.key)] = body;
  }
  const decide = assign(({ context }: { context: InstanceContext }) => {
    const taken = flows.map((f) => f !== undefined && f.id !== defaultFlow(fork) && (f.condition === undefined || safeCondition(f.condition, context.vars)));
    const d = flows.findIndex((f) => f?.id === defaultFlow(fork));
    if (d >= 0 && !taken.some(Boolean)) taken[d] = true;
    return { incl: { ...context.incl, [fork.id]: taken } };
  });
  const region = frame.structure.regionOf.get(fork.id) ?? frame.structure.main;
  const onDone = block.join !== undefined ? { target: ref(b.keys.keyOf(block.join)) } : { target: ref(regionExit(b, region)) };
  return {
    id: key,
    type: 'parallel',
    ...(block.kind === 'inclusive' ? { entry: [decide] } : {}),
    states,
    onDone,
  };
}

function defaultFlow(node: FlowNode): string | undefined {
  return 'defaultFlow' in node ? node.defaultFlow : undefined;
}

