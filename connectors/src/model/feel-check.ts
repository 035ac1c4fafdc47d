import { parseExpression } from 'feelin';

/**
 * Syntax check for FEEL that a declaration holds (a connector's request
 * values, a form's hide conditions), so a typo is a problem at load time
 * with a path rather than a failure in front of a clerk. feelin's parser is
 * error-tolerant and marks unreadable input with error nodes; long or
 * bracket-heavy input is refused unparsed because the parser slows down
 * sharply on it (same limits as the engine).
 */
const MAX_FEEL_LENGTH = 1_000;
const MAX_FEEL_BRACKETS = 64;

export type FeelSyntaxIssue = { zh: string; en: string };

export function feelSyntaxIssue(expression: string): FeelSyntaxIssue | undefined {
  if (expression.trim() === '') return { zh: 'FEEL 表达式为空', en: 'the FEEL expression is empty' };
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

/** The issue as one bilingual message, as connector problems carry them. */
export function feelSyntaxProblem(expression: string): string | undefined {
  const issue = feelSyntaxIssue(expression);
  return issue === undefined ? undefined : `${issue.zh} (${issue.en})`;
}
