import { isModdleElement } from './support/moddle.js';

/** Containers that hold the elements a lint rule reports on. */
const CHILD_LISTS = ['rootElements', 'flowElements', 'artifacts', 'participants', 'messageFlows', 'laneSets', 'lanes', 'eventDefinitions', 'diagrams'] as const;

/**
 * Id → BPMN type of the elements that `ids` names, to fill
 * Problem.elementType. Walks only the containers elements live in (not every
 * property, as a full moddle traversal does), and not at all when nothing
 * was reported: on a 500-task diagram a full traversal cost more than the
 * rules themselves.
 */
export function elementTypes(root: unknown, ids: ReadonlySet<string>): ReadonlyMap<string, string> {
  const types = new Map<string, string>();
  if (ids.size === 0) return types;
  const pending: unknown[] = [root];
  while (pending.length > 0 && types.size < ids.size) {
    const element = pending.pop();
    if (!isModdleElement(element)) continue;
    if (typeof element.id === 'string' && ids.has(element.id)) types.set(element.id, element.$type);
    const record = element as unknown as Record<string, unknown>;
    for (const list of CHILD_LISTS) {
      const children = record[list];
      if (Array.isArray(children)) pending.push(...children);
    }
    const childLaneSet = record['childLaneSet'];
    if (childLaneSet) pending.push(childLaneSet);
    const plane = record['plane'] as { planeElement?: unknown[] } | undefined;
    if (plane?.planeElement) pending.push(...plane.planeElement.map((di) => (di as { bpmnElement?: unknown }).bpmnElement));
  }
  return types;
}
