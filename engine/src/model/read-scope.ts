import type { ModdleElement } from 'bpmn-moddle';
import type { ReadContext } from './read-context.js';
import type { BoundaryEvent, FlowNode, Scope, SequenceFlow } from './types.js';
import { children, idOf } from './moddle-access.js';
import { classifyElement } from './classify-element.js';
import type { BoundaryDraft } from './read-boundary.js';
import { readBoundary } from './read-boundary.js';
import { readFlows } from './read-flows.js';
import { readFlowNode } from './read-flow-node.js';
import { readLaneDepartments } from './read-lanes.js';
import { checkScope } from './check-scope.js';
import { modelProblems } from './problems-model.js';

/**
 * The body of a process or sub-process: classify every flow element, read the
 * flows and boundary events first (nodes need their incoming, outgoing and
 * boundaries), then the nodes, then check the whole.
 *
 * Recursion into sub-processes is bounded: the pre-scan refused documents
 * nested deeper than the parse limit.
 */
export function readScope(container: ModdleElement, ctx: ReadContext, inheritedDepartment: string | undefined): Scope {
  const scopeId = idOf(container) ?? '';
  const inProcess = container.$type === 'bpmn:Process';
  const sorted = sortElements(children(container, 'flowElements'), inProcess, ctx);
  const all = new Set(children(container, 'flowElements').flatMap((element) => idOf(element) ?? []));
  const nodeIds = new Set(sorted.nodes.map((element) => idOf(element) ?? ''));
  const activityIds = new Set(sorted.nodes.filter((element) => element.$instanceOf('bpmn:Activity')).map((element) => idOf(element) ?? ''));

  const drafts = sorted.boundaries.flatMap((event) => readBoundary(event, ctx, { all, nodes: nodeIds, activities: activityIds }) ?? []);
  const { flows, sources } = readFlows(sorted.flows, {
    all,
    nodes: nodeIds,
    boundaries: new Set(drafts.map((draft) => draft.id)),
    allBoundaries: new Set(sorted.boundaries.map((event) => idOf(event) ?? '')),
  }, ctx);

  const departments = readLaneDepartments(container);
  const incoming = groupIds(flows, (flow) => flow.target);
  const outgoing = groupIds(flows, (flow) => flow.source);
  const boundaries = attachBoundaries(drafts, outgoing);
  const nodes = new Map<string, FlowNode>();
  for (const element of sorted.nodes) {
    const id = idOf(element) ?? '';
    const node = readFlowNode(element, {
      ctx,
      incoming: incoming.get(id) ?? [],
      outgoing: outgoing.get(id) ?? [],
      boundaries: boundaries.get(id) ?? [],
      laneDepartment: departments.get(id) ?? inheritedDepartment,
      readScope: (nested, department) => readScope(nested, ctx, department),
    });
    if (node) nodes.set(id, node);
  }
  const scope: Scope = { id: scopeId, nodes, flows: new Map(flows.map((flow) => [flow.id, flow])) };
  const types = new Map(sorted.nodes.map((element) => [idOf(element) ?? '', element.$type]));
  checkScope(scope, sources, types.set(scopeId, container.$type), ctx);
  return scope;
}

interface Sorted {
  readonly nodes: ModdleElement[];
  readonly flows: ModdleElement[];
  readonly boundaries: ModdleElement[];
}

/** Splits the flow elements by what the reader does with them, reporting what it cannot. */
function sortElements(elements: readonly ModdleElement[], inProcess: boolean, ctx: ReadContext): Sorted {
  const sorted: Sorted = { nodes: [], flows: [], boundaries: [] };
  for (const element of elements) {
    const classified = classifyElement(element, inProcess);
    if (classified.kind === 'skip') continue;
    if (idOf(element) === undefined) {
      ctx.problems.push(modelProblems.missingId(element.$type, ctx.runnability));
    } else if (classified.kind === 'unsupported') {
      const { elementType, label } = classified;
      ctx.problems.push(modelProblems.unsupported(idOf(element), elementType, label.zh, label.en, ctx.runnability));
    } else if (classified.kind === 'node') {
      sorted.nodes.push(element);
    } else if (classified.kind === 'flow') {
      sorted.flows.push(element);
    } else {
      sorted.boundaries.push(element);
    }
  }
  return sorted;
}

/** Flow ids by one of their ends, in document order; built once, as a scope can hold thousands of flows. */
function groupIds(flows: readonly SequenceFlow[], end: (flow: SequenceFlow) => string): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const flow of flows) {
    const list = grouped.get(end(flow));
    if (list) list.push(flow.id);
    else grouped.set(end(flow), [flow.id]);
  }
  return grouped;
}

function attachBoundaries(drafts: readonly BoundaryDraft[], outgoing: ReadonlyMap<string, string[]>): Map<string, BoundaryEvent[]> {
  const byActivity = new Map<string, BoundaryEvent[]>();
  for (const draft of drafts) {
    const boundary: BoundaryEvent = { ...draft, outgoing: outgoing.get(draft.id) ?? [] };
    const list = byActivity.get(draft.attachedTo);
    if (list) list.push(boundary);
    else byActivity.set(draft.attachedTo, [boundary]);
  }
  return byActivity;
}
