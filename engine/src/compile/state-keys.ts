/**
 * XState reads `.` in a target as a path separator, and BPMN ids may contain
 * dots; every element gets a key without them, unique in the machine.
 */
export class StateKeys {
  private readonly byId = new Map<string, string>();
  private readonly used = new Set<string>();

  keyOf(elementId: string): string {
    let key = this.byId.get(elementId);
    if (key !== undefined) return key;
    const base = elementId.replace(/[.#]/g, '_');
    key = base;
    for (let i = 2; this.used.has(key); i++) key = `${base}_${i}`;
    this.byId.set(elementId, key);
    this.used.add(key);
    return key;
  }
}
