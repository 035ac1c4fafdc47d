/**
 * `<bpmn:incoming>` and `<bpmn:outgoing>` repeat what the sequence flows
 * already say; modelers write them, hand-written and generated XML often do
 * not. bpmnlint's rules read only these lists, so fill them in from the
 * flows before linting, or a valid diagram would be called disconnected.
 */
interface FlowLike {
  $type: string;
  sourceRef?: NodeLike;
  targetRef?: NodeLike;
  flowElements?: FlowLike[];
}

interface NodeLike {
  incoming?: FlowLike[];
  outgoing?: FlowLike[];
}

interface DefinitionsLike {
  rootElements?: FlowLike[];
}

export function linkFlowRefs(definitions: unknown): void {
  const pending: FlowLike[] = [...((definitions as DefinitionsLike).rootElements ?? [])];
  while (pending.length > 0) {
    const container = pending.pop()!;
    for (const element of container.flowElements ?? []) {
      if (element.flowElements) pending.push(element);
      if (element.$type !== 'bpmn:SequenceFlow') continue;
      add(element.sourceRef, 'outgoing', element);
      add(element.targetRef, 'incoming', element);
    }
  }
}

function add(node: NodeLike | undefined, list: 'incoming' | 'outgoing', flow: FlowLike): void {
  if (!node || typeof node !== 'object') return;
  const refs = node[list] ?? (node[list] = []);
  if (!refs.includes(flow)) refs.push(flow);
}
