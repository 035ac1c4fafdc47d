import type { BoundaryEvent, FlowNode, ProcessModel, Scope, SequenceFlow } from '../model/index.js';

type NodeSpec = FlowNode extends infer N ? N extends FlowNode ? Omit<N, 'incoming' | 'outgoing' | 'boundaries'> & { boundaries?: readonly BoundaryEvent[] } : never : never;

/**
 * Builds a process model from nodes and flows, for tests that need a model
 * without writing XML (property tests generate thousands of them).
 */
export class ModelBuilder {
  private readonly nodes: NodeSpec[] = [];
  private readonly flows: SequenceFlow[] = [];
  private flowCount = 0;

  constructor(private readonly id: string) {}

  node(spec: NodeSpec): this {
    this.nodes.push(spec);
    return this;
  }

  userTask(id: string, extra: Partial<Omit<FlowNode & { kind: 'userTask' }, 'id' | 'kind'>> = {}): this {
    return this.node({ kind: 'userTask', id, plain: false, prefill: [], reads: [], writes: [], ...extra });
  }

  flow(source: string, target: string, extra: { condition?: string; id?: string } = {}): this {
    this.flows.push({ id: extra.id ?? `flow_${++this.flowCount}`, source, target, ...(extra.condition !== undefined ? { condition: extra.condition } : {}) });
    return this;
  }

  /** Connects the ids in a row with unconditional flows. */
  chain(...ids: string[]): this {
    for (let i = 1; i < ids.length; i++) this.flow(ids[i - 1]!, ids[i]!);
    return this;
  }

  buildScope(): Scope {
    return buildScope(this.id, this.nodes, this.flows);
  }

  build(): ProcessModel {
    return { id: this.id, executable: true, scope: this.buildScope() };
  }
}

function buildScope(id: string, specs: readonly NodeSpec[], flows: readonly SequenceFlow[]): Scope {
  const boundaryOf = new Map<string, string>();
  for (const spec of specs) for (const b of spec.boundaries ?? []) boundaryOf.set(b.id, spec.id);
  const nodes = new Map<string, FlowNode>();
  for (const spec of specs) {
    const incoming = flows.filter((f) => f.target === spec.id).map((f) => f.id);
    const outgoing = flows.filter((f) => f.source === spec.id).map((f) => f.id);
    const boundaries = (spec.boundaries ?? []).map((b) => ({ ...b, outgoing: flows.filter((f) => f.source === b.id).map((f) => f.id) }));
    nodes.set(spec.id, { ...spec, incoming, outgoing, boundaries } as FlowNode);
  }
  return { id, nodes, flows: new Map(flows.map((f) => [f.id, f])) };
}
