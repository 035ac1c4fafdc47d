import type { Reporter } from 'bpmnlint';
import type { LintText } from '../messages.js';

/**
 * Reports with the English text as bpmnlint's `message` (what bpmn-js-bpmnlint
 * shows by default) and the Chinese text in `messageZh`, so both languages
 * travel with the report wherever it is shown.
 */
export function report(reporter: Reporter, id: string, text: LintText, path?: (string | number)[]): void {
  reporter.report(id, text.en, path ? { path, messageZh: text.zh } : { messageZh: text.zh });
}
