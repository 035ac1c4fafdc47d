import type { ModdleElement } from 'bpmn-moddle';
import { child, children, idOf, text } from './moddle-access.js';

/**
 * The department each flow node gets from the lanes of a process or
 * sub-process: the innermost lane listing the node wins (bpmn-js lists a node
 * in the parent lane too), and a nested lane without `tb:department` takes
 * its parent lane's. Walks with an explicit stack: lanes nest freely.
 */
export function readLaneDepartments(container: ModdleElement): ReadonlyMap<string, string> {
  const best = new Map<string, { readonly depth: number; readonly department: string | undefined }>();
  // Pushed in reverse so lanes are visited in document order: of two sibling lanes listing a node, the first wins.
  const stack = laneSetLanes(container).reverse().map((lane) => ({ lane, depth: 0, inherited: undefined as string | undefined }));
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const department = text(entry.lane, 'department') ?? entry.inherited;
    for (const node of children(entry.lane, 'flowNodeRef')) {
      const id = idOf(node);
      const current = id === undefined ? undefined : best.get(id);
      if (id !== undefined && (!current || current.depth < entry.depth)) best.set(id, { depth: entry.depth, department });
    }
    for (const lane of [...children(child(entry.lane, 'childLaneSet'), 'lanes')].reverse()) {
      stack.push({ lane, depth: entry.depth + 1, inherited: department });
    }
  }
  const departments = new Map<string, string>();
  for (const [id, { department }] of best) if (department !== undefined) departments.set(id, department);
  return departments;
}

function laneSetLanes(container: ModdleElement): ModdleElement[] {
  return children(container, 'laneSets').flatMap((laneSet) => [...children(laneSet, 'lanes')]);
}
