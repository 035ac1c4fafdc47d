import type { ReadContext } from './read-context.js';
import type { Scope } from './types.js';
import { modelProblems } from './problems-model.js';

/**
 * Checks on a read scope as a whole: one way in, and no silent dead ends.
 * `sources` are the sources of every well-formed flow, so an element whose
 * only way out leads to an unsupported element is not called a dead end.
 * `types` gives the BPMN type of the scope's own element and of each node, for the problems.
 */
export function checkScope(scope: Scope, sources: ReadonlySet<string>, types: ReadonlyMap<string, string>, ctx: ReadContext): void {
  const starts = [...scope.nodes.values()].filter((node) => node.kind === 'startEvent');
  if (starts.length === 0) ctx.problems.push(modelProblems.noStartEvent(scope.id, types.get(scope.id) ?? '', ctx.runnability));
  for (const extra of starts.filter((node) => node.trigger === 'none').slice(1)) {
    ctx.problems.push(modelProblems.multipleStartEvents(extra.id, ctx.runnability));
  }
  for (const node of scope.nodes.values()) {
    if (sources.has(node.id) || node.kind === 'endEvent') continue;
    const type = types.get(node.id) ?? '';
    if (node.kind.endsWith('Gateway')) ctx.problems.push(modelProblems.gatewayNoOutgoing(node.id, type, ctx.runnability));
    else ctx.problems.push(modelProblems.noOutgoing(node.id, type));
  }
}
