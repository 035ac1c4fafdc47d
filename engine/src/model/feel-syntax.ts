import { parseExpression } from 'feelin';
import { abbreviate } from './abbreviate.js';

/** A diagram's FEEL as the engine stores it: trimmed, without the leading `=` Camunda 8 writes. */
export function normaliseFeel(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const trimmed = raw.trim();
  return (trimmed.startsWith('=') ? trimmed.slice(1) : trimmed).trim();
}

/**
 * feelin's parser tracks variable names as it goes and recovers from errors
 * by trying alternatives: a few microseconds per character on ordinary
 * expressions, a hundred on bracket-heavy junk, far more when brackets nest
 * deeply. Expressions longer, deeper or more bracketed than any a person
 * maintains in a diagram are refused unparsed.
 */
const MAX_FEEL_LENGTH = 1_000;
const MAX_FEEL_NESTING = 16;
const MAX_FEEL_BRACKETS = 64;

export interface FeelSyntaxError {
  readonly zh: string;
  readonly en: string;
}

/** What is wrong with an expression that can be told without parsing it: empty, too long, JUEL, too deep. */
export function feelShapeError(expression: string): FeelSyntaxError | undefined {
  const quoted = abbreviate(expression, 60);
  if (expression === '') return { zh: '表达式为空', en: 'the expression is empty' };
  if (expression.length > MAX_FEEL_LENGTH) {
    return { zh: `表达式超过 ${MAX_FEEL_LENGTH} 个字符`, en: `the expression is longer than ${MAX_FEEL_LENGTH} characters` };
  }
  if (/^[$#]\{/.test(expression)) return { zh: `“${quoted}”是 JUEL 表达式，请改写为 FEEL`, en: `"${quoted}" is JUEL, write it in FEEL` };
  const brackets = countBrackets(expression);
  if (brackets.deepest > MAX_FEEL_NESTING || brackets.count > MAX_FEEL_BRACKETS) {
    return {
      zh: `“${quoted}”的括号过多（最多 ${MAX_FEEL_BRACKETS} 对、嵌套 ${MAX_FEEL_NESTING} 层）`,
      en: `"${quoted}" has too many brackets (at most ${MAX_FEEL_BRACKETS} pairs, nested ${MAX_FEEL_NESTING} deep)`,
    };
  }
  return undefined;
}

/**
 * Parses the expression as FEEL, without evaluating it. The parser is
 * error-tolerant (lezer): it always returns a tree and marks what it could
 * not read with error nodes, so this looks for the first.
 */
export function feelParseError(expression: string): FeelSyntaxError | undefined {
  let at: number | undefined;
  parseExpression(expression, {}, undefined).iterate({
    enter(node) {
      if (at === undefined && node.type.isError) at = node.from;
      return at === undefined;
    },
  });
  if (at === undefined) return undefined;
  const quoted = abbreviate(expression, 60);
  return { zh: `“${quoted}”在第 ${at + 1} 个字符处无法解析`, en: `"${quoted}" cannot be parsed at character ${at + 1}` };
}

/** Opening brackets outside string literals, and how deep they nest. */
function countBrackets(expression: string): { readonly count: number; readonly deepest: number } {
  let count = 0;
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '(' || c === '[' || c === '{') {
      count++;
      deepest = Math.max(deepest, ++depth);
    } else if (c === ')' || c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
    }
  }
  return { count, deepest };
}
