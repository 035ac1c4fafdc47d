import type { CompiledProcess } from '../../compile/index.js';

/**
 * Whether the token can go back from `source` to `target`: the target comes
 * before the source (or before the sub-process holding it) along the
 * forward flows, and the target's region encloses the source, so that the
 * return stays inside the source's own branch or leaves the blocks around
 * it, and never reaches into a branch beside it.
 */
export function isEarlier(process: CompiledProcess, target: string, source: string): boolean {
  const t = process.positions.get(target);
  if (!t) return false;
  for (let id: string | undefined = source; id !== undefined;) {
    const s = process.positions.get(id);
    if (!s) return false;
    if (s.owner === t.owner) return t.order < s.order && s.regions.includes(t.regions[0]!);
    id = s.owner;
  }
  return false;
}
