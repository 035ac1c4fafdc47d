import { evaluate } from 'feelin';
import { FeelError } from '../errors.js';

/**
 * FEEL is the only expression language of a diagram. feelin interprets it;
 * nothing a designer writes is ever handed to `eval` or `new Function`.
 */
export function evaluateFeel(expression: string, variables: Readonly<Record<string, unknown>>): unknown {
  try {
    return evaluate(expression, variables as Record<string, unknown>).value;
  } catch (cause) {
    throw new FeelError(expression, cause instanceof Error ? cause.message : String(cause));
  }
}

/** A condition holds only when it evaluates to `true`; `null` (FEEL's unknown) does not. */
export function evaluateCondition(expression: string, variables: Readonly<Record<string, unknown>>): boolean {
  return evaluateFeel(expression, variables) === true;
}
