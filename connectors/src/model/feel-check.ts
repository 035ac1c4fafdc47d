import { parseExpression } from 'feelin';

/**
 * Syntax check for the FEEL a connector declares, so a typo is a problem at
 * load time with a path rather than a failed call in front of a clerk.
 * feelin's parser is error-tolerant and marks unreadable input with error
 * nodes; long or bracket-heavy input is refused unparsed because the parser
 * slows down sharply on it (same limits as the engine).
 */
const MAX_FEEL_LENGTH = 1_000;
const MAX_FEEL_BRACKETS = 64;

export function feelSyntaxProblem(expression: string): string | undefined {
  if (expression.trim() === '') return 'FEEL 表达式为空 (the expression is empty)';
  if (expression.length > MAX_FEEL_LENGTH) return `FEEL 表达式超过 ${MAX_FEEL_LENGTH} 个字符 (too long)`;
  if ((expression.match(/[([{]/g) ?? []).length > MAX_FEEL_BRACKETS) return 'FEEL 表达式括号过多 (too many brackets)';
  let at: number | undefined;
  parseExpression(expression, {}, undefined).iterate({
    enter(node) {
      if (at === undefined && node.type.isError) at = node.from;
      return at === undefined;
    },
  });
  return at === undefined ? undefined : `FEEL 表达式在第 ${at + 1} 个字符处无法解析 (cannot be parsed at character ${at + 1})`;
}
