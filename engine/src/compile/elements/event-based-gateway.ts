import type { GatewayNode, TimerCatchNode } from '../../model/index.js';
import { enter, leave, mergeVariables, type Builder, type Frame, type StateConfig, type Transition } from '../builder.js';
import { machineEvent } from '../machine-types.js';

/**
 * An event-based gateway waits for whichever of its catch events happens
 * first; the token then continues after that catch event.
 */
export function compileEventBasedGateway(b: Builder, frame: Frame, node: GatewayNode): StateConfig {
  const on: Record<string, Transition> = {};
  const timers: TimerCatchNode[] = [];
  const messages: string[] = [];
  for (const flowId of node.outgoing) {
    const target = frame.scope.nodes.get(frame.scope.flows.get(flowId)?.target ?? '');
    if (target?.kind === 'timerCatch') {
      timers.push(target);
      on[machineEvent.timer(target.id)] = leave(b, frame, target);
    } else if (target?.kind === 'messageCatch') {
      messages.push(target.messageName);
      const next = leave(b, frame, target);
      on[machineEvent.message(target.messageName)] = { ...next, actions: [mergeVariables, ...(next.actions ?? [])] };
    } else if (target) {
      b.problems.push({
        code: 'compile/event-gateway-target', severity: 'error', elementId: node.id,
        message: `事件网关 ${node.id} 的出线必须连到定时或消息捕获事件，而 ${target.id} 不是`,
        messageEn: `Event-based gateway ${node.id} must lead to timer or message catch events; ${target.id} is not one`,
      });
    }
  }
  b.entries.set(b.keys.keyOf(node.id), { info: { kind: 'eventGateway', elementId: node.id, timers, messages }, boundaryTimers: [] });
  return { id: b.keys.keyOf(node.id), entry: [enter(node.id)], on };
}
