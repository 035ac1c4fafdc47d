import { parseExpression } from 'feelin';
import { abbreviate } from './abbreviate.js';

/** A diagram's FEEL as the engine stores it: trimmed, without the leading `=` Camunda 8 writes. */
export function normaliseFeel(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const trimmed = raw.trim();
  return (trimmed.startsWith('=') ? trimmed.slice(1) : trimmed).trim();
}

export interface FeelSyntaxError {
  readonly zh: string;
  readonly en: string;
}

/**
 * Checks that an expression parses as FEEL, without evaluating it. feelin's
 * parser is error-tolerant (lezer): it always returns a tree and marks what it
 * could not read with error nodes, so the check looks for one.
 */
export function feelSyntaxError(expression: string): FeelSyntaxError | undefined {
  if (expression === '') return { zh: '表达式为空', en: 'the expression is empty' };
  if (/^[$#]\{/.test(expression)) {
    return { zh: `“${abbreviate(expression, 60)}”是 JUEL 表达式，请改写为 FEEL`, en: `"${abbreviate(expression, 60)}" is JUEL, write it in FEEL` };
  }
  let at = -1;
  parseExpression(expression, {}, undefined).iterate({
    enter(node) {
      if (at === -1 && node.type.isError) at = node.from;
      return at === -1;
    },
  });
  if (at === -1) return undefined;
  return { zh: `“${abbreviate(expression, 60)}”在第 ${at + 1} 个字符处无法解析`, en: `"${abbreviate(expression, 60)}" cannot be parsed at character ${at + 1}` };
}
