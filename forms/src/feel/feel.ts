import { evaluate } from 'feelin';
import { feelSyntaxIssue } from '@tongban/connectors/model';

/**
 * FEEL of a form: the `conditional.hide` expressions. Read with feelin and
 * never handed to eval; their syntax is checked as a connector's is (the
 * same limits as the engine's).
 */

/** form-js writes expressions with a leading `=`; the stored expression is what follows it. */
export function stripFeelMarker(raw: string): string {
  const trimmed = raw.trim();
  return (trimmed.startsWith('=') ? trimmed.slice(1) : trimmed).trim();
}

export function feelProblem(raw: string): { zh: string; en: string } | undefined {
  return feelSyntaxIssue(stripFeelMarker(raw));
}

/**
 * A hide condition hides only when it is exactly `true`: `null` (an unknown
 * variable) and failures leave the field shown, so a broken condition never
 * hides a field that might be required.
 */
export function isHiddenBy(raw: string | undefined, variables: Record<string, unknown>): boolean {
  if (raw === undefined) return false;
  try {
    return evaluate(stripFeelMarker(raw), variables).value === true;
  } catch {
    return false;
  }
}
