/**
 * Chinese for bpmnlint's own messages. bpmnlint reports English only; the
 * exact messages of its 11.14.1 rules are translated one by one, messages
 * with a value in them by pattern, and anything else (a newer bpmnlint) falls
 * back to a Chinese summary of the rule.
 */

const EXACT: Readonly<Record<string, string>> = {
  'Element is missing bpmndi': '元素缺少图形信息（BPMNDI），无法在设计器中显示',
  'Element is outside of parent boundary': '元素超出了所在容器的边界',
  'Element overlaps with other element': '元素与其他元素重叠',
  'A <Sequence Flow> outgoing from an <Event-based Gateway> must not be conditional': '事件网关的出口顺序流不能带条件',
  'Sequence flow is missing condition': '顺序流缺少条件',
  'A <Start Event> is not allowed in <Ad Hoc Sub Process>': '自由子流程（Ad Hoc）中不允许有开始事件',
  'An <End Event> is not allowed in <Ad Hoc Sub Process>': '自由子流程（Ad Hoc）中不允许有结束事件',
  'Start event is missing event definition': '事件子流程的开始事件缺少事件类型',
  'Start event must be blank': '子流程的开始事件必须是空开始事件',
  'Link event is missing link name': '链接事件缺少链接名称',
  'An <Event-based Gateway> must have at least 2 outgoing <Sequence Flows>': '事件网关至少需要 2 条出口顺序流',
  'Conditional event is missing a condition': '条件事件缺少条件',
  'Element is an implicit end': '元素没有出口顺序流（隐式结束），请连到结束事件',
  'Element is an implicit start': '元素没有入口顺序流（隐式开始），请从开始事件连入',
  'Element is missing label/name': '元素缺少名称',
  'Element is not connected': '元素没有连接到流程中',
  'Event has multiple event definitions': '事件有多个事件定义',
  'Flow splits implicitly': '从任务直接分出多条顺序流（隐式分支），请使用网关',
  'Gateway forks and joins': '网关同时汇聚和分支，请拆成两个网关',
  'Gateway is superfluous. It only has one source and target.': '网关多余：只有一个入口和一个出口',
  'Incoming flows do not join': '多条入口顺序流不会汇聚，请使用汇聚网关',
  'Sequence flow has superfluous label': '顺序流没有条件，其标签多余',
  'SequenceFlow is a duplicate': '顺序流重复',
  'Termination is superfluous.': '终止结束事件多余，可改为普通结束事件',
  'Element is missing name': '元素缺少名称',
  'Element is unused': '元素未被使用',
  'Element name is not unique': '元素名称重复',
  'Duplicate outgoing sequence flows': '有重复的出口顺序流',
  'Duplicate incoming sequence flows': '有重复的入口顺序流',
};

const SCOPE: Readonly<Record<string, string>> = { 'Process': '流程', 'Sub process': '子流程' };

const PATTERNS: readonly (readonly [RegExp, (...groups: string[]) => string])[] = [
  [/^Element type <(.+)> is discouraged$/, (type) => `不建议使用元素类型 <${type}>`],
  [/^(Process|Sub process) is missing start event$/, (scope) => `${SCOPE[scope] ?? scope}缺少开始事件`],
  [/^(Process|Sub process) is missing end event$/, (scope) => `${SCOPE[scope] ?? scope}缺少结束事件`],
  [/^(Process|Sub process) has multiple blank start events$/, (scope) => `${SCOPE[scope] ?? scope}有多个空开始事件`],
  [/^Duplicate link catch event with link name <(.*)> in scope$/, (name) => `同一范围内有重复的链接捕获事件 <${name}>`],
  [/^Link (catch|throw) event with link name <(.*)> missing in scope$/, (kind, name) =>
    `同一范围内缺少名称为 <${name}> 的链接${kind === 'catch' ? '捕获' : '抛出'}事件`],
  [/^Element has a non-standard (?:width|height|size); expected (.+)$/, (expected) => `元素尺寸不标准，应为 ${expected}`],
];

const SUMMARY: Readonly<Record<string, string>> = {
  'ad-hoc-sub-process': '自由子流程（Ad Hoc）建模不正确',
  'conditional-event': '条件事件必须有条件',
  'conditional-flows': '条件分支的出口顺序流必须有条件或为默认流',
  'end-event-required': '流程必须有结束事件',
  'event-based-gateway': '事件网关建模不正确',
  'event-sub-process-typed-start-event': '事件子流程的开始事件必须有事件类型',
  'fake-join': '任务或事件不能汇聚多条入口顺序流',
  'global': '全局元素（消息、信号、错误、升级）必须有名称、被引用且名称唯一',
  'label-required': '元素必须有名称',
  'link-event': '链接事件必须成对且有名称',
  'no-bpmndi': '元素必须有图形信息（BPMNDI）',
  'no-complex-gateway': '不支持复杂网关',
  'no-disconnected': '元素必须连接到流程中',
  'no-duplicate-sequence-flows': '不能有重复的顺序流',
  'no-gateway-join-fork': '网关不能同时汇聚和分支',
  'no-implicit-end': '不能有隐式结束',
  'no-implicit-split': '不能有隐式分支',
  'no-implicit-start': '不能有隐式开始',
  'no-inclusive-gateway': '不建议使用包容网关',
  'no-overlapping-elements': '元素不能重叠',
  'single-blank-start-event': '流程只能有一个空开始事件',
  'single-event-definition': '事件只能有一个事件定义',
  'standard-size': '元素应使用标准尺寸',
  'start-event-required': '流程必须有开始事件',
  'sub-process-blank-start-event': '子流程的开始事件必须是空开始事件',
  'superfluous-gateway': '网关多余',
  'superfluous-label': '标签多余',
  'superfluous-termination': '终止结束事件多余',
};

/** The Chinese text for a report of one of bpmnlint's rules. */
export function translateBpmnlintMessage(ruleName: string, message: string): string {
  const exact = EXACT[message];
  if (exact !== undefined) return exact;
  for (const [pattern, translate] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return translate(...match.slice(1).map((group) => group ?? ''));
  }
  return SUMMARY[ruleName] ?? `检查规则 ${ruleName}：${message}`;
}

/** Rules with a Chinese summary; a test compares it with the rules bpmnlint ships. */
export const translatedBpmnlintRules: readonly string[] = Object.keys(SUMMARY);
