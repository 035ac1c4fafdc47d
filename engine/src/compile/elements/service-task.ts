import { assign } from 'xstate';
import type { ServiceTaskNode } from '../../model/index.js';
import { enter, leave, boundaryErrorCatches, timerBoundaries, type Builder, type Frame, type StateConfig } from '../builder.js';
import { machineEvent, type InstanceContext, type MachineEvent } from '../machine-types.js';

/**
 * A service task is a connector job: the runtime enqueues it while the state
 * is active, and the worker's answer comes back as `job.done` or `job.failed`.
 * A failure with an error code that a boundary error event catches takes
 * that path; any other failure leaves the task waiting (an incident).
 */
export function compileServiceTask(b: Builder, frame: Frame, node: ServiceTaskNode): StateConfig {
  b.entries.set(b.keys.keyOf(node.id), { info: { kind: 'job', elementId: node.id, node }, boundaryTimers: timerBoundaries(node) });
  const next = leave(b, frame, node);
  const storeResult = assign(({ context, event }: { context: InstanceContext; event: MachineEvent }) => ({
    vars: resultVariables(node, context.vars, event.result),
  }));
  const failed = boundaryErrorCatches(b, frame, node);
  return {
    id: b.keys.keyOf(node.id),
    entry: [enter(node.id)],
    on: {
      [machineEvent.jobDone(node.id)]: { ...next, actions: [storeResult, ...(next.actions ?? [])] },
      ...(failed.length > 0 ? { [machineEvent.jobFailed(node.id)]: failed } : {}),
    },
  };
}

function resultVariables(node: ServiceTaskNode, vars: Readonly<Record<string, unknown>>, result: unknown): Record<string, unknown> {
  if (node.resultVariable !== undefined) return { ...vars, [node.resultVariable]: result };
  if (result !== null && typeof result === 'object' && !Array.isArray(result)) return { ...vars, ...(result as Record<string, unknown>) };
  return { ...vars };
}
