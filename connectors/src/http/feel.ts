import { evaluate } from 'feelin';

/**
 * Evaluates a declared FEEL expression over the call's input with feelin,
 * as the engine does; nothing is ever handed to eval. Returns undefined for
 * an expression feelin cannot evaluate, so the caller reports which
 * parameter failed without echoing feelin's message (it may quote values).
 */
export function evaluateFeel(expression: string, input: Readonly<Record<string, unknown>>): { value: unknown } | undefined {
  try {
    return { value: evaluate(expression, input as Record<string, unknown>).value };
  } catch {
    return undefined;
  }
}
