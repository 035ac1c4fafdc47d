import { stateIn } from 'xstate';
import type { FlowNode } from '../model/index.js';
import { problem } from '../problems/index.js';
import { leave, ref, regionEndId, sideIdleId, type Builder, type Frame, type StateConfig, type Transition } from './builder.js';
import { compileBusinessRuleTask } from './elements/business-rule-task.js';
import { compileCallActivity } from './elements/call-activity.js';
import { compileMessageCatch, compileTimerCatch } from './elements/catch-events.js';
import { compileEndEvent } from './elements/end-event.js';
import { compileEventBasedGateway } from './elements/event-based-gateway.js';
import { compileExclusiveGateway } from './elements/exclusive-gateway.js';
import { compileForkBlock } from './elements/fork-block.js';
import { compilePassThrough } from './elements/pass-through.js';
import { compileServiceTask } from './elements/service-task.js';
import { compileSubProcess } from './elements/sub-process.js';
import { compileUserTask } from './elements/user-task.js';
import { checkTimers } from './check-timers.js';
import { machineEvent } from './machine-types.js';
import type { Region } from './structure/index.js';

/**
 * A scope's body: its main line, in parallel with one side line per
 * non-interrupting boundary event (so an escalation path runs beside the
 * work it watches and the scope ends when both have ended).
 */
export function compileScope(b: Builder, frame: Frame): StateConfig {
  const main = compileRegion(b, frame, frame.structure.main);
  if (frame.structure.sides.length === 0) return main;
  const key = b.keys.keyOf(`${frame.scope.id}__lines`);
  const states: Record<string, StateConfig> = { [main.id!]: main };
  for (const side of frame.structure.sides) {
    const config = compileRegion(b, frame, side);
    states[config.id!] = config;
  }
  return { id: key, type: 'parallel', states };
}

/** A region: the states of the nodes that live directly in it, and its end. */
export function compileRegion(b: Builder, frame: Frame, region: Region): StateConfig {
  const key = b.keys.keyOf(region.key);
  const end = regionEndId(b.keys, region);
  const states: Record<string, StateConfig> = {};
  const gotos: Transition[] = [];
  for (const id of region.nodes) {
    if (frame.structure.regionOf.get(id) !== region) continue;
    const node = frame.scope.nodes.get(id)!;
    states[b.keys.keyOf(id)] = compileNode(b, frame, node);
    b.positions.set(id, { ...(frame.owner ? { owner: frame.owner.id } : {}), order: frame.structure.order.get(id) ?? 0, regions: regionChain(region) });
    // Returning (退回) or taking back (拿回) to a task leaves whatever the
    // region does after it, parallel blocks included, and enters the task
    // anew; the regions beside this one are not touched.
    if (node.kind === 'userTask') gotos.push({ guard: ({ event }) => event.to === id, target: ref(b.keys.keyOf(id)) });
  }
  let initial = region.entry === undefined ? end : b.keys.keyOf(region.entry);
  if (region.kind === 'side') {
    const idle = sideIdleId(b.keys, region);
    const mainEnd = regionEndId(b.keys, frame.structure.main);
    states[idle] = {
      id: idle,
      always: { target: ref(end), guard: stateIn(ref(mainEnd)) as unknown as Transition['guard'] },
      on: { [machineEvent.timer(region.boundaryId!)]: { target: ref(initial) } },
    };
    initial = idle;
  }
  states[end] = { id: end, type: 'final' };
  return { id: key, initial, states, ...(gotos.length > 0 ? { on: { [machineEvent.goto(region.key)]: gotos } } : {}) };
}

function regionChain(region: Region): string[] {
  const keys: string[] = [];
  for (let r: Region | undefined = region; r; r = r.parent) keys.push(r.key);
  return keys;
}

function compileNode(b: Builder, frame: Frame, node: FlowNode): StateConfig {
  const block = frame.structure.blocks.get(node.id);
  if (block) return compileForkBlock(b, frame, node, block);
  // A parallel or inclusive fork without a block already has a structure problem.
  if (!node.kind.endsWith('Gateway') && node.outgoing.length > 1) {
    b.problems.push(problem('compile/implicit-split', 'error',
      `${node.id} 有多条出线；请用网关明确是并行还是条件分支`,
      `${node.id} has several outgoing flows; use a gateway to say whether they run in parallel or by condition`,
      { elementId: node.id }));
  }
  checkTimers(node, b.problems);
  const config = compileByKind(b, frame, node);
  return withBoundaryTimers(b, frame, node, config);
}

function compileByKind(b: Builder, frame: Frame, node: FlowNode): StateConfig {
  switch (node.kind) {
    case 'userTask': return compileUserTask(b, frame, node);
    case 'serviceTask': return compileServiceTask(b, frame, node);
    case 'businessRuleTask': return compileBusinessRuleTask(b, frame, node);
    case 'callActivity': return compileCallActivity(b, frame, node);
    case 'subProcess': return compileSubProcess(b, frame, node);
    case 'exclusiveGateway': return compileExclusiveGateway(b, frame, node);
    case 'eventBasedGateway': return compileEventBasedGateway(b, frame, node);
    case 'timerCatch': return compileTimerCatch(b, frame, node);
    case 'messageCatch': return compileMessageCatch(b, frame, node);
    case 'endEvent': return compileEndEvent(b, frame, node);
    case 'startEvent':
    case 'parallelGateway':
    case 'inclusiveGateway':
      return compilePassThrough(b, frame, node);
  }
}

/** An interrupting boundary timer leaves the activity along the boundary's flow. */
function withBoundaryTimers(b: Builder, frame: Frame, node: FlowNode, config: StateConfig): StateConfig {
  const interrupting = node.boundaries.filter((e) => e.cancelActivity && e.trigger.type === 'timer');
  if (interrupting.length === 0) return config;
  const on = { ...(config.on ?? {}) };
  for (const boundary of interrupting) {
    on[machineEvent.timer(boundary.id)] = leave(b, frame, { ...node, outgoing: boundary.outgoing });
  }
  return { ...config, on };
}
