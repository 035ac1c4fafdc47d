/**
 * Whether a write of one variable path can change what a read of the other
 * sees: the same path, or one a dotted prefix of the other. A write of
 * `company` changes `company.name`; a write of `company.name.full` changes
 * what a reader of `company.name` gets; `company.names` is unrelated.
 * Symmetric, so the same test serves read-after-write and write-write.
 */
export function pathsOverlap(a: string, b: string): boolean {
  if (a === b) return true;
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  return longer.startsWith(shorter) && longer.charCodeAt(shorter.length) === 0x2e; // '.'
}

/** The first pair (read path, written path) of the two lists that overlaps, if any. */
export function firstOverlap(reads: readonly string[], writes: readonly string[]): readonly [string, string] | undefined {
  for (const read of reads) {
    for (const written of writes) if (pathsOverlap(read, written)) return [read, written];
  }
  return undefined;
}
