import type { ModdleElement } from 'bpmn-moddle';
import type { ReadContext } from './read-context.js';
import { child, idOf, rawText, text } from './moddle-access.js';
import { normaliseFeel } from './feel-syntax.js';
import { checkFeel } from './read-feel.js';
import { modelProblems } from './problems-model.js';

/**
 * The FEEL condition of a sequence flow, from `bpmn:conditionExpression`,
 * without Camunda 8's leading `=`. Another language (Camunda 7's JUEL,
 * JavaScript) is refused: conditions are FEEL, never evaluated as code.
 */
export function readCondition(flow: ModdleElement, ctx: ReadContext): string | undefined {
  const expression = child(flow, 'conditionExpression');
  if (!expression) return undefined;
  const id = idOf(flow) ?? '';
  const language = text(expression, 'language');
  const condition = normaliseFeel(rawText(expression, 'body')) ?? '';
  if (language !== undefined && !/feel/i.test(language)) {
    ctx.problems.push(modelProblems.invalidCondition(id, `不支持表达式语言 ${language}，请使用 FEEL`,
      `expression language ${language} is not supported, use FEEL`, ctx.runnability));
    return condition;
  }
  const error = checkFeel(condition, id, ctx);
  if (error) ctx.problems.push(modelProblems.invalidCondition(id, error.zh, error.en, ctx.runnability));
  return condition;
}
