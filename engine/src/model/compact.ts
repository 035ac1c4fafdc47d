/**
 * Drops properties whose value is `undefined`, so a model read from XML
 * equals one written by hand without optional fields, and JSON of it is clean.
 */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
