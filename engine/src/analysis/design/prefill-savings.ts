import type { DesignMetadata, PrefillSavings } from './types.js';
import type { Item } from './read-items.js';

/**
 * What prefill from shared data saves the applicant: the form fields filled
 * from other departments' data (each `field:path` pair of a `tb:prefill`)
 * and the connectors that supply them; materials and visits saved come from
 * the published before/after counts, when given.
 */
export function prefillSavings(items: Iterable<Item>, metadata: DesignMetadata = {}): PrefillSavings {
  let fieldsPrefilled = 0;
  const connectors = new Set<string>();
  for (const { task } of items) {
    for (const binding of task.prefill) {
      connectors.add(binding.connector);
      fieldsPrefilled += (binding.fields ?? '').split(',').filter((pair) => pair.trim() !== '').length;
    }
  }
  const saved = (before?: number, after?: number) => (before !== undefined && after !== undefined ? before - after : undefined);
  const materialsSaved = saved(metadata.materialsBefore, metadata.materialsAfter);
  const visitsSaved = saved(metadata.visitsBefore, metadata.visitsAfter);
  return {
    fieldsPrefilled,
    connectors: [...connectors],
    ...(materialsSaved !== undefined ? { materialsSaved } : {}),
    ...(visitsSaved !== undefined ? { visitsSaved } : {}),
  };
}
