import type { ModdleElement } from 'bpmn-moddle';
import type { ReadContext } from './read-context.js';
import type { CountersignRule, MultiInstance } from './types.js';
import { flag, idOf, text } from './moddle-access.js';
import { compact } from './compact.js';
import { expressionBody, readFeel } from './read-feel.js';
import { modelProblems } from './problems-model.js';

const DEFAULT_ELEMENT_VARIABLE = 'signer';

/**
 * 会签: one task per signer. The completion rule is the standard
 * `completionCondition` when there is one (FEEL), else the task's
 * `tb:countersign` (all / any / ratio with `tb:passRatio`), default all.
 */
export function readMultiInstance(task: ModdleElement, loop: ModdleElement, ctx: ReadContext): MultiInstance {
  const id = idOf(task) ?? '';
  const collection = readFeel(text(loop, 'collection'), id, 'tb:collection', ctx);
  const cardinality = readFeel(expressionBody(loop, 'loopCardinality'), id, 'loopCardinality', ctx);
  if (collection === undefined && cardinality === undefined) {
    ctx.problems.push(modelProblems.multiInstanceNoCollection(id, ctx.runnability));
  }
  return compact({
    sequential: flag(loop, 'isSequential') ?? false,
    collection,
    elementVariable: text(loop, 'elementVariable') ?? DEFAULT_ELEMENT_VARIABLE,
    cardinality,
    rule: readRule(task, loop, ctx),
  });
}

function readRule(task: ModdleElement, loop: ModdleElement, ctx: ReadContext): CountersignRule {
  const id = idOf(task) ?? '';
  const condition = readFeel(expressionBody(loop, 'completionCondition'), id, 'completionCondition', ctx);
  if (condition !== undefined) return { type: 'condition', condition };
  const countersign = text(task, 'countersign') ?? 'all';
  if (countersign === 'all' || countersign === 'any') return { type: countersign };
  if (countersign !== 'ratio') {
    ctx.problems.push(modelProblems.invalidCountersign(id, `tb:countersign 应为 all、any 或 ratio，实际为“${countersign}”`,
      `tb:countersign must be all, any or ratio, found "${countersign}"`, ctx.runnability));
    return { type: 'all' };
  }
  const ratio = task['passRatio'];
  if (typeof ratio !== 'number' || !(ratio > 0 && ratio <= 1)) {
    ctx.problems.push(modelProblems.invalidCountersign(id, 'ratio 规则需要 0（不含）到 1 之间的 tb:passRatio',
      'the ratio rule needs a tb:passRatio above 0 and at most 1', ctx.runnability));
    return { type: 'all' };
  }
  return { type: 'ratio', ratio };
}
