import { analyseScope, type Region, type ScopeStructure } from '../../compile/structure/index.js';
import type { FlowNode, Scope } from '../../model/index.js';
import type { Problem } from '../../problems/index.js';
import { forwardGraph, type Edge, type ForwardGraph } from './forward-graph.js';
import { designNotes, designProblems } from './problems.js';
import type { DesignNote } from './types.js';

/** How long each node takes and where findings go; shared by every scope of one analysis. */
export interface TimingRules {
  /** Working days of a node other than a sub-process. */
  duration(node: FlowNode): number;
  readonly notes: DesignNote[];
  readonly problems: Problem[];
  /** Set once some gateway's `tb:probability` values were used. */
  weighted: boolean;
}

export interface ScopeTiming {
  /** Longest path: sequence = sum, parallel and inclusive blocks = max, exclusive choice = worst branch. */
  readonly worst: number;
  /** The same with exclusive choices weighted by their probabilities where given. */
  readonly expected: number;
  /** Elements on one longest path, sub-processes expanded. */
  readonly path: readonly string[];
  /** Slack and earliest start of every user task reached, this scope's and nested ones', relative to this scope. */
  readonly slack: ReadonlyMap<string, number>;
  readonly start: ReadonlyMap<string, number>;
}

const EPSILON = 1e-9;
const clean = (x: number): number => (Math.abs(x) < EPSILON ? 0 : x);

/**
 * Critical-path timing of one scope (the process or a sub-process).
 *
 * Worst case: the classic forward and backward passes (earliest and latest
 * start) over the flows without loops; slack = latest − earliest start.
 * Expected: from the end back to the start, each node's remaining time to the
 * end of its region, using the block structure of `analyseScope` — a fork
 * takes its slowest branch up to the join, then continues after the join; an
 * exclusive gateway takes the probability-weighted mean of its branches.
 * The expected value of a parallel block is the largest of its branches'
 * expected values (a lower bound of the expected maximum; see docs/analysis.md).
 */
export function timeScope(scope: Scope, rules: TimingRules): ScopeTiming {
  const structure = analyseScope(scope);
  const graph = forwardGraph(scope, structure.main.entry !== undefined ? [structure.main.entry] : []);
  for (const flowId of graph.backFlows) rules.notes.push(designNotes.loop(flowId));

  const nested = new Map<string, ScopeTiming>();
  const worstOf = new Map<string, number>();
  const expectedOf = new Map<string, number>();
  for (const id of graph.order) {
    const node = scope.nodes.get(id)!;
    if (node.kind === 'subProcess') {
      const inner = timeScope(node.scope, rules);
      nested.set(id, inner);
      worstOf.set(id, inner.worst);
      expectedOf.set(id, inner.expected);
    } else {
      const days = rules.duration(node);
      worstOf.set(id, days);
      expectedOf.set(id, days);
    }
  }
  const worst = (id: string) => worstOf.get(id) ?? 0;
  const next = (id: string): readonly Edge[] => graph.next.get(id) ?? [];

  // Forward pass: earliest start and finish.
  const earliest = new Map<string, number>();
  const finish = new Map<string, number>();
  let total = 0;
  for (const id of graph.order) {
    const end = (earliest.get(id) ?? 0) + worst(id);
    finish.set(id, end);
    total = Math.max(total, end);
    for (const { target } of next(id)) if (end > (earliest.get(target) ?? 0)) earliest.set(target, end);
  }
  // Backward pass: latest start.
  const latest = new Map<string, number>();
  for (let i = graph.order.length - 1; i >= 0; i--) {
    const id = graph.order[i]!;
    let latestFinish = total;
    for (const { target } of next(id)) latestFinish = Math.min(latestFinish, latest.get(target) ?? total);
    latest.set(id, latestFinish - worst(id));
  }

  const slack = new Map<string, number>();
  const start = new Map<string, number>();
  for (const id of graph.order) {
    const node = scope.nodes.get(id)!;
    const own = clean((latest.get(id) ?? 0) - (earliest.get(id) ?? 0));
    const from = earliest.get(id) ?? 0;
    if (node.kind === 'userTask') {
      slack.set(id, own);
      start.set(id, from);
    }
    const inner = nested.get(id);
    if (!inner) continue;
    for (const [task, s] of inner.slack) slack.set(task, clean(s + own));
    for (const [task, s] of inner.start) start.set(task, from + s);
  }

  return {
    worst: total,
    expected: expectedDuration(scope, structure, graph, expectedOf, rules),
    path: criticalPath(scope, graph, earliest, finish, total, nested),
    slack,
    start,
  };
}

/** Walks back from the latest-finishing end along predecessors that finish exactly when their successor starts. */
function criticalPath(
  scope: Scope,
  graph: ForwardGraph,
  earliest: ReadonlyMap<string, number>,
  finish: ReadonlyMap<string, number>,
  total: number,
  nested: ReadonlyMap<string, ScopeTiming>,
): string[] {
  let current: string | undefined;
  for (const id of scope.nodes.keys()) {
    if (finish.get(id) === total && (graph.next.get(id) ?? []).length === 0) {
      current = id;
      break;
    }
  }
  const reversed: string[] = [];
  while (current !== undefined) {
    reversed.push(current);
    const begins = earliest.get(current) ?? 0;
    current = (graph.previous.get(current) ?? []).find((p) => finish.get(p) === begins);
  }
  const path: string[] = [];
  for (let i = reversed.length - 1; i >= 0; i--) {
    const id = reversed[i]!;
    const node = scope.nodes.get(id)!;
    const inner = nested.get(id);
    if (inner) path.push(...inner.path);
    else if (node.kind === 'userTask' || (finish.get(id) ?? 0) > (earliest.get(id) ?? 0)) path.push(id);
  }
  return path;
}

function expectedDuration(
  scope: Scope,
  structure: ScopeStructure,
  graph: ForwardGraph,
  expectedOf: ReadonlyMap<string, number>,
  rules: TimingRules,
): number {
  const joins = new Set<string>();
  for (const block of structure.blocks.values()) if (block.join !== undefined) joins.add(block.join);
  // A flow into the join that closes one of the source's branches ends that branch's count.
  const closes = (from: string, target: string): boolean => {
    if (!joins.has(target)) return false;
    for (let r: Region | undefined = structure.regionOf.get(from); r; r = r.parent) {
      if (r.kind === 'branch' && r.block?.join === target) return true;
    }
    return false;
  };
  const remaining = new Map<string, number>();
  const after = (from: string, target: string): number => (closes(from, target) ? 0 : remaining.get(target) ?? 0);

  for (let i = graph.order.length - 1; i >= 0; i--) {
    const id = graph.order[i]!;
    const node = scope.nodes.get(id)!;
    const edges = graph.next.get(id) ?? [];
    const block = structure.blocks.get(id);
    let rest = 0;
    if (block) {
      for (const region of block.regions) {
        if (region?.entry !== undefined) rest = Math.max(rest, remaining.get(region.entry) ?? 0);
      }
      if (block.join !== undefined) rest += remaining.get(block.join) ?? 0;
    } else {
      const weights = node.kind === 'exclusiveGateway' && edges.length > 1 ? branchWeights(scope, id, edges, rules) : undefined;
      if (weights) edges.forEach((e, k) => (rest += weights[k]! * after(id, e.target)));
      else for (const e of edges) rest = Math.max(rest, after(id, e.target));
    }
    remaining.set(id, (expectedOf.get(id) ?? 0) + rest);
  }
  const entry = graph.order[0];
  return entry === undefined ? 0 : remaining.get(entry) ?? 0;
}

/**
 * Shares of an exclusive gateway's branches from `tb:probability`: branches
 * without one share what the others leave; a sum other than 1 is scaled (and
 * reported). Undefined when no branch has one: the worst branch counts.
 */
function branchWeights(scope: Scope, gatewayId: string, edges: readonly Edge[], rules: TimingRules): number[] | undefined {
  const given = edges.map((e) => scope.flows.get(e.flowId)?.probability);
  const missing = given.filter((p) => p === undefined).length;
  if (missing === edges.length) return undefined;
  const sum = given.reduce<number>((acc, p) => acc + (p ?? 0), 0);
  const share = missing > 0 ? Math.max(0, 1 - sum) / missing : 0;
  const weights = given.map((p) => p ?? share);
  const total = weights.reduce((acc, w) => acc + w, 0);
  if (sum > 1 + EPSILON || (missing === 0 && Math.abs(sum - 1) > EPSILON)) rules.problems.push(designProblems.probabilities(gatewayId, sum));
  if (total <= 0) return undefined;
  rules.weighted = true;
  return weights.map((w) => w / total);
}
