import type { AnnotatedReport } from 'bpmnlint';
import { problem } from '../problems/index.js';
import type { Problem, Severity } from '../problems/index.js';
import { translateBpmnlintMessage } from './bpmnlint-messages.js';
import { TONGBAN_PLUGIN } from './rule-names.js';

const TONGBAN_PREFIX = `${TONGBAN_PLUGIN}/`;

/**
 * One bpmnlint report as a Problem: `tb/<rule>` for Tongban rules,
 * `lint/<rule>` for bpmnlint's. A rule that threw (`rule-error`) is an error:
 * an unchecked diagram must not be deployed as if it were clean.
 */
export function toProblem(ruleName: string, report: AnnotatedReport, elementTypes: ReadonlyMap<string, string>): Problem {
  const tongban = ruleName.startsWith(TONGBAN_PREFIX);
  const rule = tongban ? ruleName.slice(TONGBAN_PREFIX.length) : ruleName;
  const code = `${tongban ? 'tb' : 'lint'}/${rule}`;
  const where = report.id === undefined ? {} : { elementId: report.id, elementType: elementTypes.get(report.id) };
  if (report.category === 'rule-error') {
    return problem(code, 'error', `检查规则 ${ruleName} 运行出错：${report.message}`, `Lint rule ${ruleName} failed: ${report.message}`, where);
  }
  const messageZh = typeof report['messageZh'] === 'string' ? report['messageZh'] : translateBpmnlintMessage(rule, report.message);
  return problem(code, severityOf(report.category), messageZh, report.message, where);
}

/** bpmnlint's `warn` and `info` do not block deployment. */
function severityOf(category: AnnotatedReport['category']): Severity {
  return category === 'warn' || category === 'info' ? 'warning' : 'error';
}
