import { evaluate, parseExpression } from 'feelin';

/**
 * FEEL of a form: the `conditional.hide` expressions. Read with feelin and
 * never handed to eval. The same limits as the engine's: the parser slows
 * down sharply on long or bracket-heavy input, so such input is refused
 * unparsed.
 */
const MAX_FEEL_LENGTH = 1_000;
const MAX_FEEL_BRACKETS = 64;

/** form-js writes expressions with a leading `=`; the stored expression is what follows it. */
export function stripFeelMarker(raw: string): string {
  const trimmed = raw.trim();
  return (trimmed.startsWith('=') ? trimmed.slice(1) : trimmed).trim();
}

export function feelProblem(raw: string): { zh: string; en: string } | undefined {
  const expression = stripFeelMarker(raw);
  if (expression === '') return { zh: 'FEEL 表达式为空', en: 'the FEEL expression is empty' };
  if (expression.length > MAX_FEEL_LENGTH) {
    return { zh: `FEEL 表达式超过 ${MAX_FEEL_LENGTH} 个字符`, en: `the FEEL expression is longer than ${MAX_FEEL_LENGTH} characters` };
  }
  if ((expression.match(/[([{]/g) ?? []).length > MAX_FEEL_BRACKETS) {
    return { zh: 'FEEL 表达式括号过多', en: 'the FEEL expression has too many brackets' };
  }
  let at: number | undefined;
  parseExpression(expression, {}, undefined).iterate({
    enter(node) {
      if (at === undefined && node.type.isError) at = node.from;
      return at === undefined;
    },
  });
  if (at === undefined) return undefined;
  return { zh: `FEEL 表达式在第 ${at + 1} 个字符处无法解析`, en: `the FEEL expression cannot be parsed at character ${at + 1}` };
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
