/**
 * Drops properties whose value is `undefined`, so a model read from XML
 * equals one written by hand without optional fields, and JSON of it is clean.
 * A plain loop: it runs once per element of documents with tens of thousands.
 */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const property = value[key];
    if (property !== undefined) out[key] = property;
  }
  return out as T;
}
