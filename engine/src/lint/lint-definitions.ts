import type { Problem } from '../problems/index.js';
import { createLinter } from './create-linter.js';
import type { LintOptions } from './create-linter.js';
import { dropOverlapping } from './drop-overlapping.js';
import { elementTypes } from './element-types.js';
import { isModdleElement } from './support/moddle.js';
import { toProblem } from './to-problem.js';

/**
 * Lints a bpmn-moddle root (`bpmn:Definitions`, as `fromXML` returns it) with
 * bpmnlint's recommended rules and the Tongban rules. Problems come in config
 * order (bpmnlint's rules, then Tongban's), each rule's in document order.
 *
 * @throws TypeError when `definitions` is not a moddle element: a caller bug,
 *   not a diagram problem.
 */
export async function lintDefinitions(definitions: unknown, options: LintOptions = {}): Promise<Problem[]> {
  if (!isModdleElement(definitions)) {
    throw new TypeError('lintDefinitions expects a bpmn-moddle root element');
  }
  const results = await createLinter(options).lint(definitions);
  const reported = new Set(Object.values(results).flatMap((reports) => reports.map((r) => r.id).filter((id): id is string => id !== undefined)));
  const types = elementTypes(definitions, reported);
  const problems = Object.entries(results).flatMap(([ruleName, reports]) =>
    reports.map((report) => toProblem(ruleName, report, types)),
  );
  return dropOverlapping(problems);
}
