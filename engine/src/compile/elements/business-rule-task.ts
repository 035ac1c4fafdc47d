import { assign } from 'xstate';
import type { BusinessRuleTaskNode } from '../../model/index.js';
import { evaluateFeel } from '../../feel/index.js';
import { leave, type Builder, type Frame, type StateConfig } from '../builder.js';
import type { InstanceContext } from '../machine-types.js';

/**
 * A business rule task evaluates its FEEL decision when the token arrives
 * and moves on at once. If the expression fails, the token stays and the
 * runtime reports an incident at this element.
 */
export function compileBusinessRuleTask(b: Builder, frame: Frame, node: BusinessRuleTaskNode): StateConfig {
  b.entries.set(b.keys.keyOf(node.id), { info: { kind: 'transient', elementId: node.id }, boundaryTimers: [] });
  const next = leave(b, frame, node);
  const decide = (vars: Readonly<Record<string, unknown>>): { ok: true; value: unknown } | { ok: false } => {
    if (node.expression === undefined) return { ok: true, value: undefined };
    try {
      return { ok: true, value: evaluateFeel(node.expression, vars) };
    } catch {
      return { ok: false };
    }
  };
  const store = assign(({ context }: { context: InstanceContext }) => {
    const decision = decide(context.vars);
    if (!decision.ok || node.resultVariable === undefined) return {};
    return { vars: { ...context.vars, [node.resultVariable]: decision.value } };
  });
  return {
    id: b.keys.keyOf(node.id),
    always: { ...next, guard: ({ context }) => decide(context.vars).ok, actions: [store, ...(next.actions ?? [])] },
  };
}
