import type { Problem } from '../problems/index.js';

/**
 * Faults that the reader and the linter both see. The linter's report is
 * kept (the designer shows the same one live); the reader's is dropped for
 * the same element.
 */
const SAME_FAULT: ReadonlyArray<readonly [kept: string, dropped: readonly string[]]> = [
  ['tb/countersign-valid', ['model/invalid-countersign', 'model/countersign-without-multi-instance']],
  ['tb/pass-ratio-unused', ['model/countersign-without-multi-instance']],
];

/** Says each fault once: exact repeats, and the pairs above. */
export function dedupeProblems(problems: readonly Problem[]): Problem[] {
  const dropped = new Set<string>();
  for (const [kept, codes] of SAME_FAULT) {
    for (const p of problems) if (p.code === kept && p.elementId !== undefined) for (const c of codes) dropped.add(`${c}\u0000${p.elementId}`);
  }
  const seen = new Set<string>();
  return problems.filter((p) => {
    if (dropped.has(`${p.code}\u0000${p.elementId ?? ''}`)) return false;
    const key = `${p.code}\u0000${p.elementId ?? ''}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
