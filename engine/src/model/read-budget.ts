import type { ScanStats } from './scan-xml.js';

/**
 * Every warning bpmn-moddle raises while tokenising makes it rescan the
 * document from the start to find the line (saxen's parse context), so W
 * warnings cost about W × (characters + ~50 per line). A document may cost
 * at most this many character-equivalents in warnings, about a quarter of a
 * second: beyond it, parsing would go quadratic on hostile input.
 */
const BUDGET = 2e8;

function costPerWarning(text: string, stats: ScanStats): number {
  return text.length + 50 * stats.lines;
}

/** Too many attribute and text flaws: refuse rather than let the parser go quadratic. */
export function tooManyFlaws(text: string, stats: ScanStats): boolean {
  return stats.flaws * costPerWarning(text, stats) > BUDGET;
}

/**
 * Whether the reader may skip a broken element and go on (lax), collecting
 * every problem. Each skip is a warning; since any element could be one, lax
 * reading is kept to documents where even all of them would fit the budget.
 * Larger documents stop at the first broken element, which is still reported.
 */
export function mayReadLax(text: string, stats: ScanStats): boolean {
  return stats.elements * costPerWarning(text, stats) <= BUDGET;
}
