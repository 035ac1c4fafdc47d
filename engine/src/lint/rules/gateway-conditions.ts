import { isAny, many, one } from '../support/moddle.js';
import { report } from '../support/report.js';
import type { ModdleElement } from '../support/moddle.js';
import type { TongbanRule } from '../support/rule.js';
import { tongbanMessages } from '../messages.js';

const DECIDING_GATEWAYS: readonly string[] = ['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway'];

/**
 * The compiler turns each flow out of a deciding gateway into a guarded
 * transition; a flow with neither a condition nor the default role would be
 * taken by chance. Reported on the flow, where the condition goes.
 */
export default function gatewayConditions(): TongbanRule {
  return {
    check(node, reporter) {
      if (!isAny(node, DECIDING_GATEWAYS) || node.id === undefined) return;
      const outgoing = many(node, 'outgoing');
      if (outgoing.length < 2) return;
      const defaultFlow = one(node, 'default');
      for (const flow of outgoing) {
        if (flow === defaultFlow || hasCondition(flow) || flow.id === undefined) continue;
        report(reporter, flow.id, tongbanMessages['gateway-conditions'].missingCondition(node.id), ['conditionExpression']);
      }
    },
  };
}

/** A blank condition is no condition: the compiler has nothing to evaluate. */
function hasCondition(flow: ModdleElement): boolean {
  const body = one(flow, 'conditionExpression')?.['body'];
  return typeof body === 'string' && body.trim() !== '';
}
