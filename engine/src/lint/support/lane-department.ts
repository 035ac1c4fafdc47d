import { is, many, one } from './moddle.js';
import type { ModdleElement } from './moddle.js';
import { tbAttribute } from './tb-attribute.js';

type LaneSearch = { readonly found: false } | { readonly found: true; readonly department: string | undefined };

const NOT_FOUND: LaneSearch = { found: false };

/**
 * The `tb:department` a flow node gets from its lanes: the innermost lane
 * listing it wins, a nested lane without a department inherits its parent
 * lane's. Lanes belong to the process or sub-process that holds the node; a
 * node inside a sub-process that no lane lists takes the sub-process's lane.
 */
export function laneDepartment(node: ModdleElement): string | undefined {
  let current: ModdleElement = node;
  for (let container = node.$parent; container; container = container.$parent) {
    const search = searchLanes(laneSetLanes(container), current, undefined);
    if (search.found) return search.department;
    if (!is(container, 'bpmn:SubProcess')) return undefined;
    current = container;
  }
  return undefined;
}

function laneSetLanes(container: ModdleElement): readonly ModdleElement[] {
  return many(container, 'laneSets').flatMap((laneSet) => many(laneSet, 'lanes'));
}

function searchLanes(lanes: readonly ModdleElement[], node: ModdleElement, inherited: string | undefined): LaneSearch {
  for (const lane of lanes) {
    const department = tbAttribute(lane, 'department') ?? inherited;
    // Nested lanes first: bpmn-js lists a node in the parent lane as well.
    const nested = searchLanes(many(one(lane, 'childLaneSet'), 'lanes'), node, department);
    if (nested.found) return nested;
    if (many(lane, 'flowNodeRef').includes(node)) return { found: true, department };
  }
  return NOT_FOUND;
}
