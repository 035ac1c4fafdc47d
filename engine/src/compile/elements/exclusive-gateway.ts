import type { GatewayNode } from '../../model/index.js';
import { evaluateCondition } from '../../feel/index.js';
import { resolveTarget, type Builder, type Frame, type StateConfig, type Transition } from '../builder.js';

/**
 * The first flow whose FEEL condition holds is taken, the default flow last.
 * When none holds the token stays here and the runtime reports an incident
 * (as Camunda does), instead of guessing a path.
 */
export function compileExclusiveGateway(b: Builder, frame: Frame, node: GatewayNode): StateConfig {
  b.entries.set(b.keys.keyOf(node.id), { info: { kind: 'transient', elementId: node.id }, boundaryTimers: [] });
  const region = frame.structure.regionOf.get(node.id) ?? frame.structure.main;
  const conditional: Transition[] = [];
  let fallback: Transition | undefined;
  for (const flowId of node.outgoing) {
    const flow = frame.scope.flows.get(flowId);
    if (!flow) continue;
    const go = resolveTarget(b, frame, region, flow.target);
    if (flowId === node.defaultFlow) fallback = go;
    else if (flow.condition === undefined) conditional.push(go);
    else {
      const condition = flow.condition;
      conditional.push({ ...go, guard: ({ context }) => safeCondition(condition, context.vars) });
    }
  }
  return { id: b.keys.keyOf(node.id), always: fallback ? [...conditional, fallback] : conditional };
}

export function safeCondition(condition: string, vars: Readonly<Record<string, unknown>>): boolean {
  try {
    return evaluateCondition(condition, vars);
  } catch {
    return false;
  }
}
