import { is, one } from '../support/moddle.js';
import type { ModdleElement } from '../support/moddle.js';
import { report } from '../support/report.js';
import type { TongbanRule } from '../support/rule.js';
import { tbAttribute } from '../support/tb-attribute.js';
import { tongbanMessages } from '../messages.js';
import type { LintText } from '../messages.js';

const RULES: readonly string[] = ['all', 'any', 'ratio'];

/**
 * 会签 / 或签 / 比例签: the runtime counts votes of a multi-instance task by
 * `tb:countersign`; anything it cannot count must not reach deployment.
 */
export default function countersignValid(): TongbanRule {
  return {
    check(node, reporter) {
      const countersign = tbAttribute(node, 'countersign');
      if (countersign === undefined || node.id === undefined) return;
      for (const text of countersignProblems(node, countersign)) {
        report(reporter, node.id, text, ['countersign']);
      }
    },
  };
}

function countersignProblems(node: ModdleElement, countersign: string): LintText[] {
  const messages = tongbanMessages['countersign-valid'];
  const problems: LintText[] = [];
  if (!RULES.includes(countersign)) problems.push(messages.unknownRule(countersign));
  if (countersign === 'ratio') {
    const ratio = tbAttribute(node, 'passRatio');
    if (ratio === undefined) problems.push(messages.missingRatio());
    else if (!isPassRatio(ratio)) problems.push(messages.invalidRatio(ratio));
  }
  if (!is(one(node, 'loopCharacteristics'), 'bpmn:MultiInstanceLoopCharacteristics')) {
    problems.push(messages.notMultiInstance());
  }
  return problems;
}

/** A decimal in (0, 1]; `0.5`, `1`, `1.0`. */
function isPassRatio(text: string): boolean {
  if (!/^\d+(\.\d+)?$/.test(text)) return false;
  const ratio = Number(text);
  return ratio > 0 && ratio <= 1;
}
