import type { FlowNode } from '../../model/index.js';
import { leave, type Builder, type Frame, type StateConfig } from '../builder.js';

/** Start events, joins and single-flow gateways: the token passes straight on. */
export function compilePassThrough(b: Builder, frame: Frame, node: FlowNode): StateConfig {
  b.entries.set(b.keys.keyOf(node.id), { info: { kind: 'transient', elementId: node.id }, boundaryTimers: [] });
  return { id: b.keys.keyOf(node.id), always: leave(b, frame, node) };
}
