/** Name under which the Tongban rules are registered: `tongban/<rule>`, `plugin:tongban/recommended`. */
export const TONGBAN_PLUGIN = 'tongban';

/** bpmnlint's package name for the plugin, as its resolver is asked for it. */
export const TONGBAN_PLUGIN_PACKAGE = `bpmnlint-plugin-${TONGBAN_PLUGIN}`;

export const tongbanRuleNames = [
  'user-task-department',
  'user-task-time-limit',
  'time-limit-syntax',
  'promised-within-legal',
  'gateway-conditions',
  'references-exist',
  'countersign-valid',
  'pass-ratio-unused',
] as const;

export type TongbanRuleName = (typeof tongbanRuleNames)[number];
