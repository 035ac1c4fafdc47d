import type { Problem } from '../problems/index.js';
import { locateIds } from './locate-ids.js';

/**
 * Gives problems that name an element but no position (those found on the
 * model) the line and column of that element's start tag.
 */
export function locateProblems(problems: Problem[], text: string): Problem[] {
  if (!problems.some((p) => p.line === undefined && p.elementId !== undefined)) return problems;
  const positions = locateIds(text);
  return problems.map((p) => {
    const position = p.line === undefined && p.elementId !== undefined ? positions.get(p.elementId) : undefined;
    return position ? { ...p, line: position.line, column: position.column } : p;
  });
}
