import { many, one } from './moddle.js';
import type { ModdleElement } from './moddle.js';

/**
 * The `tb:prefill` extension elements of a node. The descriptor types them
 * `tb:Prefill`; without it moddle keeps a generic `tb:prefill`. Read from the
 * owning node because bpmnlint does not walk into generic elements.
 */
export function prefills(node: ModdleElement): readonly ModdleElement[] {
  return many(one(node, 'extensionElements'), 'values').filter((value) => value.$type.toLowerCase() === 'tb:prefill');
}
