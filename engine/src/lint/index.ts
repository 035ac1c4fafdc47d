/**
 * The Tongban linter: bpmnlint's recommended rules plus the `tongban` plugin,
 * resolved statically so the designer runs the same lint in the browser
 * (bpmn-js-bpmnlint takes `{ config: lintConfigFor(catalogue), resolver: tongbanResolver }`).
 */
export { lintDefinitions } from './lint-definitions.js';
export { createLinter } from './create-linter.js';
export type { LintOptions } from './create-linter.js';
export { lintConfig, lintConfigFor } from './config.js';
export { tongbanResolver } from './resolver.js';
export type { Catalogue } from './catalogue.js';
export { tongbanRuleNames, TONGBAN_PLUGIN } from './rule-names.js';
export type { TongbanRuleName } from './rule-names.js';
export { bpmnlintRuleNames } from './bpmnlint-rule-names.js';
