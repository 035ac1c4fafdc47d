import type { FlowNode, Scope } from '../../model/index.js';
import { problem, type Problem } from '../../problems/index.js';
import { edgeKey, findBackEdges, firstCommonNode, reachable, reachableUpTo, successors, topologicalIndex } from './graph.js';
import type { Block, Region, ScopeStructure } from './types.js';

interface RawBlock {
  fork: string;
  join?: string;
  kind: 'parallel' | 'inclusive';
  branches: { flowId: string; entry?: string; nodes: Set<string> }[];
}

/**
 * Finds the block structure of one scope: which fork each join closes, which
 * branch every node belongs to, and whether every flow respects the nesting.
 * A diagram that is not block-structured gets problems naming the elements,
 * never a machine that behaves differently from the drawing.
 */
export function analyseScope(scope: Scope): ScopeStructure {
  const problems: Problem[] = [];
  const start = findStart(scope);
  const sideStarts = sideLineStarts(scope);
  // Adjacency is computed once: every later pass walks it many times.
  const adjacency = new Map<string, readonly string[]>();
  for (const node of scope.nodes.values()) adjacency.set(node.id, successors(scope, node));
  const next = (id: string): readonly string[] => adjacency.get(id) ?? [];
  const roots = [...(start ? [start] : []), ...sideStarts.flatMap((s) => s.targets)];
  const back = findBackEdges(roots, next);
  const forwardAdjacency = new Map<string, readonly string[]>();
  for (const [id, targets] of adjacency) forwardAdjacency.set(id, targets.filter((t) => !back.has(edgeKey(id, t))));
  const forward = (id: string): readonly string[] => forwardAdjacency.get(id) ?? [];

  const mainNodes = start ? reachable(start, forward) : new Set<string>();
  const main: Region = { key: `${scope.id}__main`, kind: 'main', nodes: mainNodes, depth: 0, ...(start ? { entry: start } : {}) };
  const sides: Region[] = [];
  for (const side of sideStarts) {
    const nodes = new Set<string>();
    for (const t of side.targets) for (const id of reachable(t, forward)) nodes.add(id);
    for (const id of nodes) {
      if (mainNodes.has(id)) {
        problems.push(problem('compile/side-path-merges', 'error',
          `非中断边界事件 ${side.boundaryId} 之后的路径汇入了主流程（${id}）`,
          `The path after non-interrupting boundary event ${side.boundaryId} merges into the main flow at ${id}`,
          { elementId: side.boundaryId }));
        break;
      }
    }
    sides.push({ key: `${side.boundaryId}__side`, kind: 'side', boundaryId: side.boundaryId, nodes, depth: 0, ...(side.targets[0] ? { entry: side.targets[0] } : {}) });
  }

  const rootOf = new Map<string, Region>();
  for (const root of [main, ...sides]) for (const id of root.nodes) if (!rootOf.has(id)) rootOf.set(id, root);
  for (const node of scope.nodes.values()) {
    if (!rootOf.has(node.id) && node.kind !== 'startEvent') {
      problems.push(problem('compile/unreachable', 'warning', `元素 ${node.id} 无法从开始事件到达，不会被执行`,
        `Element ${node.id} cannot be reached from the start event and never runs`, { elementId: node.id }));
    }
  }

  const topo = topologicalIndex(rootOf.keys(), forward);
  const raws = findBlocks(scope, rootOf, forward, topo, problems);
  const { blocks, regionOf } = nestRegions(raws, rootOf, problems);
  checkEdges(rootOf, regionOf, blocks, next, problems);
  return { main, sides, regionOf, blocks, order: topo, problems };
}

function findStart(scope: Scope): string | undefined {
  let message: string | undefined;
  for (const node of scope.nodes.values()) {
    if (node.kind !== 'startEvent') continue;
    if (node.trigger === 'none') return node.id;
    message ??= node.id;
  }
  return message;
}

function sideLineStarts(scope: Scope): { boundaryId: string; targets: string[] }[] {
  const starts: { boundaryId: string; targets: string[] }[] = [];
  for (const node of scope.nodes.values()) {
    for (const boundary of node.boundaries) {
      if (boundary.cancelActivity) continue;
      const targets = boundary.outgoing.map((f) => scope.flows.get(f)?.target).filter((t): t is string => !!t && scope.nodes.has(t));
      starts.push({ boundaryId: boundary.id, targets });
    }
  }
  return starts;
}

function isFork(node: FlowNode): node is FlowNode & { kind: 'parallelGateway' | 'inclusiveGateway' } {
  return (node.kind === 'parallelGateway' || node.kind === 'inclusiveGateway') && node.outgoing.length > 1;
}

function findBlocks(
  scope: Scope,
  rootOf: ReadonlyMap<string, Region>,
  forward: (id: string) => readonly string[],
  topo: ReadonlyMap<string, number>,
  problems: Problem[],
): RawBlock[] {
  const blocks: RawBlock[] = [];
  for (const id of rootOf.keys()) {
    const fork = scope.nodes.get(id);
    if (!fork || !isFork(fork)) continue;
    const kind = fork.kind === 'parallelGateway' ? 'parallel' : 'inclusive';
    const entries = fork.outgoing.map((flowId) => ({ flowId, target: scope.flows.get(flowId)?.target }))
      .filter((e): e is { flowId: string; target: string } => !!e.target && scope.nodes.has(e.target));
    const join = firstCommonNode(entries.map((e) => e.target), forward, topo);
    const raw: RawBlock = {
      fork: id, kind, ...(join ? { join } : {}),
      branches: entries.map((e) => ({ flowId: e.flowId, ...(e.target !== join ? { entry: e.target } : {}), nodes: reachable(e.target, forward, join) })),
    };
    if (!checkBlock(scope, raw, forward, topo, problems)) continue;
    blocks.push(raw);
  }
  return blocks;
}

function checkBlock(scope: Scope, block: RawBlock, forward: (id: string) => readonly string[], topo: ReadonlyMap<string, number>, problems: Problem[]): boolean {
  const gatewayKind = block.kind === 'parallel' ? 'parallelGateway' : 'inclusiveGateway';
  const unstructured = (elementId: string, zh: string, en: string): false => {
    problems.push(problem('compile/unstructured', 'error', zh, en, { elementId }));
    return false;
  };
  if (block.join !== undefined) {
    const join = scope.nodes.get(block.join)!;
    if (join.kind !== gatewayKind) {
      return unstructured(block.join, `分支 ${block.fork} 的各路径在 ${block.join} 汇合，但它不是对应的${block.kind === 'parallel' ? '并行' : '包容'}网关`,
        `The branches of ${block.fork} meet at ${block.join}, which is not a matching ${gatewayKind}`);
    }
    if (join.incoming.length !== block.branches.length) {
      problems.push(problem('compile/join-mismatch', 'error',
        `汇聚网关 ${block.join} 有 ${join.incoming.length} 条入线，而分支网关 ${block.fork} 有 ${block.branches.length} 条分支`,
        `Join ${block.join} has ${join.incoming.length} incoming flows but fork ${block.fork} has ${block.branches.length} branches`,
        { elementId: block.join }));
      return false;
    }
    const afterJoin = reachableUpTo(block.join, forward, topo, Math.max(...block.branches.flatMap((b) => [...b.nodes].map((id) => topo.get(id) ?? 0))));
    for (const branch of block.branches) {
      for (const id of branch.nodes) {
        if (afterJoin.has(id)) {
          return unstructured(id, `${id} 跳出了 ${block.fork}—${block.join} 的并行块`, `${id} jumps out of the block ${block.fork}…${block.join}`);
        }
        const node = scope.nodes.get(id);
        if (node?.kind === 'endEvent' && (node.result === 'none' || node.result === 'message')) {
          problems.push(problem('compile/dead-branch', 'error',
            `并行分支中的结束事件 ${id} 会让汇聚网关 ${block.join} 永远等待；请改用终止结束事件或连到汇聚网关`,
            `End event ${id} inside a branch makes join ${block.join} wait forever; use a terminate end event or flow into the join`,
            { elementId: id }));
          return false;
        }
      }
    }
  }
  const owner = new Map<string, number>();
  for (const [i, branch] of block.branches.entries()) {
    for (const id of branch.nodes) {
      if (owner.has(id) && owner.get(id) !== i) {
        return unstructured(id, `${id} 同时属于分支网关 ${block.fork} 的两条分支，流程不是块结构`,
          `${id} belongs to two branches of ${block.fork}: the process is not block-structured`);
      }
      owner.set(id, i);
    }
  }
  return true;
}

function nestRegions(raws: readonly RawBlock[], rootOf: ReadonlyMap<string, Region>, problems: Problem[]) {
  // Larger regions first, so a parent region exists before its children are made.
  const pending = raws.flatMap((raw) => raw.branches.map((branch, index) => ({ raw, branch, index })))
    .sort((a, b) => b.branch.nodes.size - a.branch.nodes.size);
  const blocks = new Map<string, Block>();
  const regionOf = new Map<string, Region>(rootOf);
  const dropped = new Set<string>();
  for (const { raw, branch, index } of pending) {
    if (dropped.has(raw.fork)) continue;
    const parent = regionOf.get(raw.fork)!;
    for (const id of branch.nodes) {
      if (regionOf.get(id) !== parent) {
        problems.push(problem('compile/unstructured', 'error',
          `${id} 跨越了并行块 ${raw.fork} 的边界，流程不是块结构`,
          `${id} crosses the boundary of the block at ${raw.fork}: the process is not block-structured`, { elementId: id }));
        dropped.add(raw.fork);
        break;
      }
    }
    if (dropped.has(raw.fork)) continue;
    let block = blocks.get(raw.fork);
    if (!block) {
      block = { fork: raw.fork, kind: raw.kind, regions: [], ...(raw.join ? { join: raw.join } : {}) };
      blocks.set(raw.fork, block);
    }
    const region: Region = {
      key: `${raw.fork}__b${index}`, kind: 'branch', parent, block, nodes: branch.nodes, depth: parent.depth + 1, flowId: branch.flowId,
      ...(branch.entry ? { entry: branch.entry } : {}),
    };
    block.regions[index] = region;
    for (const id of branch.nodes) regionOf.set(id, region);
  }
  for (const fork of dropped) blocks.delete(fork);
  return { blocks, regionOf };
}

function isAncestorOrSelf(ancestor: Region, region: Region | undefined): boolean {
  for (let r = region; r; r = r.parent) if (r === ancestor) return true;
  return false;
}

function checkEdges(
  rootOf: ReadonlyMap<string, Region>,
  regionOf: ReadonlyMap<string, Region>,
  blocks: ReadonlyMap<string, Block>,
  next: (id: string) => readonly string[],
  problems: Problem[],
): void {
  // A join is entered only from the branches it closes; any other flow must
  // stay in its branch or leave towards an enclosing one (a loop back).
  const joins = new Map<string, Block>();
  for (const block of blocks.values()) if (block.join) joins.set(block.join, block);
  for (const id of rootOf.keys()) {
    if (blocks.has(id)) continue;
    const from = regionOf.get(id)!;
    for (const target of next(id)) {
      const closing = joins.get(target);
      if (closing ? from.block === closing : isAncestorOrSelf(regionOf.get(target)!, from)) continue;
      problems.push(problem('compile/unstructured', 'error',
        `从 ${id} 到 ${target} 的连线进入了另一个并行分支的中间，流程不是块结构`,
        `The flow from ${id} to ${target} enters the middle of another branch: the process is not block-structured`,
        { elementId: id }));
    }
  }
}
