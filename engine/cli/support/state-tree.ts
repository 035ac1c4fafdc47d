import type { CompiledProcess, Scope } from '../../src/index.js';

/** A statechart state as `tongban compile` shows it. */
export interface StateTree {
  key: string;
  type: string;
  /** The BPMN element the state stands for, when the runtime knows it. */
  element?: { kind: string; id: string; name?: string };
  states?: StateTree[];
}

interface StateNodeLike {
  readonly key: string;
  readonly type: string;
  readonly states: Readonly<Record<string, StateNodeLike>>;
}

/** The compiled machine's states, from the root down, with the element behind each. */
export function stateTree(process: CompiledProcess): StateTree {
  const nodes = indexNodes(process.model.scope);
  const visit = (state: StateNodeLike): StateTree => {
    const tree: StateTree = { key: state.key, type: state.type };
    const info = process.entries.get(state.key)?.info;
    if (info) {
      const node = nodes.get(info.elementId);
      tree.element = { kind: node?.kind ?? info.kind, id: info.elementId, ...(node?.name !== undefined ? { name: node.name } : {}) };
    }
    const children = Object.values(state.states);
    if (children.length > 0) tree.states = children.map(visit);
    return tree;
  };
  return visit(process.machine.root);
}

/**
 * `key  type  kind [elementId]  name`, two spaces of indent per level; the
 * element id is left out where it is the state's key.
 */
export function stateTreeLines(tree: StateTree, depth = 0): string[] {
  const { element } = tree;
  const parts = element ? [element.id === tree.key ? element.kind : `${element.kind} ${element.id}`, element.name ?? ''] : [];
  const line = ['  '.repeat(depth) + tree.key, tree.type, ...parts].filter((part) => part !== '').join('  ');
  return [line, ...(tree.states ?? []).flatMap((child) => stateTreeLines(child, depth + 1))];
}

interface ElementLabel {
  readonly kind: string;
  readonly name?: string;
}

/** Every flow node and boundary event of a process, sub-processes included, by id. */
function indexNodes(scope: Scope, into = new Map<string, ElementLabel>()): Map<string, ElementLabel> {
  for (const node of scope.nodes.values()) {
    into.set(node.id, node);
    for (const boundary of node.boundaries) into.set(boundary.id, { kind: 'boundaryEvent', ...(boundary.name !== undefined ? { name: boundary.name } : {}) });
    if (node.kind === 'subProcess') indexNodes(node.scope, into);
  }
  return into;
}
