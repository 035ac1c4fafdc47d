import type { Problem } from '../../problems/index.js';
import { reengineerProblems } from './problems.js';
import type { DependencyGraph, Staging } from './types.js';

/**
 * The earliest stage of every task: 1 without dependencies, otherwise one
 * more than the latest stage among them (longest path, Kahn's algorithm).
 * A cycle leaves tasks that never become ready; one cycle through them is
 * reported as `reengineer/cycle` with its ids, and no stages are returned.
 */
export function stageTasks(graph: DependencyGraph): Staging {
  const problems: Problem[] = [];
  const known = new Set(graph.order);
  const producersOf = new Map<string, string[]>();
  const consumersOf = new Map<string, string[]>(graph.order.map((id) => [id, []]));
  for (const id of graph.order) {
    const producers = [...new Set((graph.dependencies.get(id) ?? []).map((d) => d.producer))];
    for (const producer of producers.filter((p) => !known.has(p))) problems.push(reengineerProblems.unknownProducer(id, producer));
    producersOf.set(id, producers.filter((p) => known.has(p)));
    for (const producer of producersOf.get(id)!) consumersOf.get(producer)!.push(id);
  }

  const waiting = new Map(graph.order.map((id) => [id, producersOf.get(id)!.length]));
  const stageOf = new Map<string, number>();
  const ready = graph.order.filter((id) => waiting.get(id) === 0);
  for (const id of ready) stageOf.set(id, 1);
  for (let next = 0; next < ready.length; next++) {
    const id = ready[next]!;
    for (const consumer of consumersOf.get(id)!) {
      stageOf.set(consumer, Math.max(stageOf.get(consumer) ?? 1, stageOf.get(id)! + 1));
      const left = waiting.get(consumer)! - 1;
      waiting.set(consumer, left);
      if (left === 0) ready.push(consumer);
    }
  }

  if (ready.length < graph.order.length) {
    const blocked = new Set(graph.order.filter((id) => waiting.get(id)! > 0));
    problems.push(reengineerProblems.cycle(findCycle(blocked, producersOf)));
    return { stages: [], stageOf: new Map(), problems };
  }
  return { stages: groupByStage(graph.order, stageOf), stageOf, problems };
}

/**
 * Every task left waiting has a producer that is also left waiting, so
 * walking back from any of them must revisit a task: the walk from that
 * task onwards is a cycle. Returned in dependency order (producer first).
 */
function findCycle(blocked: ReadonlySet<string>, producersOf: ReadonlyMap<string, readonly string[]>): string[] {
  const path: string[] = [];
  const seenAt = new Map<string, number>();
  let current = [...blocked][0]!;
  while (!seenAt.has(current)) {
    seenAt.set(current, path.length);
    path.push(current);
    current = producersOf.get(current)!.find((p) => blocked.has(p))!;
  }
  return path.slice(seenAt.get(current)).reverse();
}

function groupByStage(order: readonly string[], stageOf: ReadonlyMap<string, number>): string[][] {
  const stages: string[][] = [];
  for (const id of order) {
    const index = stageOf.get(id)! - 1;
    while (stages.length <= index) stages.push([]);
    stages[index]!.push(id);
  }
  return stages;
}
