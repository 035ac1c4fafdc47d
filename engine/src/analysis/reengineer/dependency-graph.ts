import { firstOverlap } from './paths-overlap.js';
import type { Dependency, DependencyGraph, TaskAccess } from './types.js';

/**
 * The read-after-write graph of a serial chain: a task depends on every
 * earlier task (in as-is order) that writes a path overlapping one it reads
 * (`pathsOverlap`). Only earlier tasks count, so the graph has no cycle.
 * A path nobody writes is an input of the application and adds nothing.
 */
export function dependencyGraph(tasks: readonly TaskAccess[]): DependencyGraph {
  const dependencies = new Map<string, Dependency[]>();
  tasks.forEach((task, index) => {
    const found: Dependency[] = [];
    for (const producer of tasks.slice(0, index)) {
      const overlap = firstOverlap(task.reads, producer.writes);
      if (overlap) found.push({ producer: producer.id, read: overlap[0], written: overlap[1] });
    }
    dependencies.set(task.id, found);
  });
  return { order: tasks.map((task) => task.id), dependencies };
}
