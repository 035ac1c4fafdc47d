import type { LimitError } from '../time/index.js';

/** A lint message in both UI languages. */
export interface LintText {
  readonly zh: string;
  readonly en: string;
}

export type LimitAttribute = 'timeLimit' | 'legalTimeLimit';

const LIMIT_ATTRIBUTE: Record<LimitAttribute, LintText> = {
  timeLimit: { zh: '承诺时限', en: 'promised limit' },
  legalTimeLimit: { zh: '法定时限', en: 'legal limit' },
};

const UNITS_HINT: LintText = {
  zh: '应写作“数字+单位”，单位为 wd（工作日）、wh（工作小时）或 cd（自然日），如 5wd',
  en: 'write a number and a unit: wd (working days), wh (working hours) or cd (calendar days), e.g. 5wd',
};

/** What is wrong with a limit, without saying where it was written. */
export function limitErrorText(error: LimitError): LintText {
  switch (error.reason) {
    case 'empty':
      return { zh: '值为空', en: 'the value is empty' };
    case 'whitespace':
      return { zh: '不能包含空格', en: 'it must not contain spaces' };
    case 'missing-amount':
      return { zh: `缺少数字，${UNITS_HINT.zh}`, en: `the number is missing; ${UNITS_HINT.en}` };
    case 'missing-unit':
      return { zh: `缺少单位，${UNITS_HINT.zh}`, en: `the unit is missing; ${UNITS_HINT.en}` };
    case 'unknown-unit':
      return { zh: `未知单位“${error.unit ?? ''}”，${UNITS_HINT.zh}`, en: `unknown unit "${error.unit ?? ''}"; ${UNITS_HINT.en}` };
    case 'malformed-amount':
      return { zh: `数字格式不正确，${UNITS_HINT.zh}`, en: `the number is malformed; ${UNITS_HINT.en}` };
    case 'not-positive':
      return { zh: '时限必须大于 0', en: 'the limit must be greater than 0' };
    case 'fraction-not-allowed':
      return { zh: '只有 wh（工作小时）可以带小数', en: 'only wh (working hours) may have a fraction' };
    case 'too-many-decimals':
      return { zh: '最多保留一位小数，如 0.5wh', en: 'at most one decimal place, e.g. 0.5wh' };
    case 'too-large':
      return { zh: '不能超过 9999', en: 'it must not exceed 9999' };
  }
}

/**
 * Messages of the Tongban rules, keyed by rule name. Rules report the English
 * text as bpmnlint's `message` and the Chinese one beside it (`messageZh`).
 */
export const tongbanMessages = {
  'user-task-department': {
    missing: (): LintText => ({
      zh: '人工任务未指定办理部门：请在任务或其所在泳道上设置 tb:department',
      en: 'Human task has no department: set tb:department on the task or on its lane',
    }),
  },
  'user-task-time-limit': {
    missing: (): LintText => ({
      zh: '人工任务未设置承诺时限 tb:timeLimit（如 5wd）',
      en: 'Human task has no promised limit tb:timeLimit (e.g. 5wd)',
    }),
  },
  'time-limit-syntax': {
    invalid: (attribute: LimitAttribute, error: LimitError): LintText => {
      const what = LIMIT_ATTRIBUTE[attribute];
      const why = limitErrorText(error);
      return {
        zh: `tb:${attribute}（${what.zh}）“${error.text}”无效：${why.zh}`,
        en: `tb:${attribute} (${what.en}) "${error.text}" is invalid: ${why.en}`,
      };
    },
  },
  'promised-within-legal': {
    exceeds: (promised: string, legal: string): LintText => ({
      zh: `承诺时限 ${promised} 超过法定时限 ${legal}`,
      en: `Promised limit ${promised} exceeds the legal limit ${legal}`,
    }),
  },
  'gateway-conditions': {
    missingCondition: (gatewayId: string): LintText => ({
      zh: `网关 ${gatewayId} 的出口顺序流既没有条件，也不是默认流`,
      en: `Flow out of gateway ${gatewayId} has no condition and is not the default flow`,
    }),
  },
  'references-exist': {
    unknownForm: (form: string): LintText => ({
      zh: `表单“${form}”不存在`,
      en: `Form "${form}" does not exist`,
    }),
    unknownConnector: (connector: string): LintText => ({
      zh: `数据连接器“${connector}”不存在`,
      en: `Connector "${connector}" does not exist`,
    }),
    unknownPrefillConnector: (connector: string): LintText => ({
      zh: `预填（tb:prefill）引用的数据连接器“${connector}”不存在`,
      en: `Connector "${connector}" used by tb:prefill does not exist`,
    }),
  },
  'countersign-valid': {
    unknownRule: (value: string): LintText => ({
      zh: `会签规则 tb:countersign“${value}”无效，应为 all（会签）、any（或签）或 ratio（比例签）`,
      en: `Countersign rule tb:countersign "${value}" is invalid; use all, any or ratio`,
    }),
    missingRatio: (): LintText => ({
      zh: '比例签（ratio）需要设置通过比例 tb:passRatio，取值大于 0 且不超过 1',
      en: 'Countersign rule ratio needs tb:passRatio, greater than 0 and at most 1',
    }),
    invalidRatio: (value: string): LintText => ({
      zh: `通过比例 tb:passRatio“${value}”无效，应大于 0 且不超过 1，如 0.5`,
      en: `Pass ratio tb:passRatio "${value}" is invalid; it must be greater than 0 and at most 1, e.g. 0.5`,
    }),
    notMultiInstance: (): LintText => ({
      zh: '设置了会签规则 tb:countersign，但任务不是多实例任务（缺少多实例标记）',
      en: 'Task has tb:countersign but is not multi-instance (no multi-instance loop characteristics)',
    }),
  },
  'pass-ratio-unused': {
    unused: (): LintText => ({
      zh: '设置了通过比例 tb:passRatio，但会签规则不是 ratio（比例签），该比例不会生效',
      en: 'tb:passRatio is set but the countersign rule is not ratio, so it has no effect',
    }),
  },
} as const;
