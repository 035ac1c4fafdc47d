import type { Config, RuleFactory } from 'bpmnlint';
import countersignValid from './rules/countersign-valid.js';
import gatewayConditions from './rules/gateway-conditions.js';
import passRatioUnused from './rules/pass-ratio-unused.js';
import promisedWithinLegal from './rules/promised-within-legal.js';
import referencesExist from './rules/references-exist.js';
import timeLimitSyntax from './rules/time-limit-syntax.js';
import userTaskDepartment from './rules/user-task-department.js';
import userTaskTimeLimit from './rules/user-task-time-limit.js';
import type { TongbanRuleName } from './rule-names.js';

/** The `tongban` bpmnlint plugin: its rules and its `recommended` config. */
export const tongbanRules: Readonly<Record<TongbanRuleName, RuleFactory>> = {
  'user-task-department': userTaskDepartment,
  'user-task-time-limit': userTaskTimeLimit,
  'time-limit-syntax': timeLimitSyntax,
  'promised-within-legal': promisedWithinLegal,
  'gateway-conditions': gatewayConditions,
  'references-exist': referencesExist,
  'countersign-valid': countersignValid,
  'pass-ratio-unused': passRatioUnused,
};

/** `error` blocks deployment, `warn` does not. */
export const tongbanConfigs: Readonly<Record<string, Config>> = {
  recommended: {
    rules: {
      'user-task-department': 'error',
      'user-task-time-limit': 'error',
      'time-limit-syntax': 'error',
      'promised-within-legal': 'error',
      'gateway-conditions': 'error',
      // Without a catalogue in its config this rule checks nothing; see lintConfigFor.
      'references-exist': 'error',
      'countersign-valid': 'error',
      'pass-ratio-unused': 'warn',
    },
  },
};
