import { bpmnlintConfigs } from './bpmnlint-configs.js';

/** bpmnlint rules in `bpmnlint:recommended`, as bpmnlint 11.14.1 lists them. */
export const bpmnlintRuleNames: readonly string[] = Object.keys(bpmnlintConfigs['recommended']?.rules ?? {});
