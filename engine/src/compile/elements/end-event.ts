import type { EndEventNode } from '../../model/index.js';
import { resolveTarget, type Builder, type Frame, type StateConfig } from '../builder.js';

/**
 * Flows into an end event resolve straight to where the token goes (the end
 * of its line, the scope's end for terminate, the catching boundary for an
 * error); the state exists only for a branch that starts with an end event.
 */
export function compileEndEvent(b: Builder, frame: Frame, node: EndEventNode): StateConfig {
  b.entries.set(b.keys.keyOf(node.id), { info: { kind: 'transient', elementId: node.id }, boundaryTimers: [] });
  const region = frame.structure.regionOf.get(node.id) ?? frame.structure.main;
  return { id: b.keys.keyOf(node.id), always: resolveTarget(b, frame, region, node.id) };
}
