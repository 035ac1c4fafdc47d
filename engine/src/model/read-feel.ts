import type { ModdleElement } from 'bpmn-moddle';
import type { ReadContext } from './read-context.js';
import { child, rawText } from './moddle-access.js';
import { feelParseError, feelShapeError, normaliseFeel } from './feel-syntax.js';
import type { FeelSyntaxError } from './feel-syntax.js';
import { modelProblems } from './problems-model.js';

/**
 * What is wrong with an expression, if anything. Parsing is paid from the
 * document's budget; once it is spent, expressions are left unchecked and
 * one warning says so.
 */
export function checkFeel(expression: string, ownerId: string, ctx: ReadContext): FeelSyntaxError | undefined {
  const shape = feelShapeError(expression);
  if (shape) return shape;
  if (expression.length > ctx.feel.remaining) {
    if (!ctx.feel.reported) ctx.problems.push(modelProblems.feelNotChecked(ownerId));
    ctx.feel.reported = true;
    return undefined;
  }
  ctx.feel.remaining -= expression.length;
  return feelParseError(expression);
}

/**
 * A FEEL expression from an attribute or an expression element's body,
 * normalised, with a problem when it does not parse. The expression is kept
 * either way, so the designer can show what was written.
 */
export function readFeel(raw: string | undefined, ownerId: string, where: string, ctx: ReadContext): string | undefined {
  const expression = normaliseFeel(raw);
  if (expression === undefined) return undefined;
  const error = checkFeel(expression, ownerId, ctx);
  if (error) ctx.problems.push(modelProblems.invalidExpression(ownerId, where, error.zh, error.en, ctx.runnability));
  return expression;
}

/** Body text of an expression-valued property (`completionCondition`, `timeDuration`), absent when blank. */
export function expressionBody(element: ModdleElement | undefined, property: string): string | undefined {
  return rawText(child(element, property), 'body');
}
