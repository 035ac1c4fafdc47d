import { describe, expect, it } from 'vitest';
import { translateBpmnlintMessage } from '../../src/lint/bpmnlint-messages.js';

describe('translateBpmnlintMessage', () => {
  it.each([
    ['label-required', 'Element is missing label/name', '元素缺少名称'],
    ['start-event-required', 'Sub process is missing start event', '子流程缺少开始事件'],
    ['end-event-required', 'Process is missing end event', '流程缺少结束事件'],
    ['no-complex-gateway', 'Element type <bpmn:ComplexGateway> is discouraged', '不建议使用元素类型 <bpmn:ComplexGateway>'],
    ['link-event', 'Link throw event with link name <A> missing in scope', '同一范围内缺少名称为 <A> 的链接抛出事件'],
    ['standard-size', 'Element has a non-standard size; expected 100x80', '元素尺寸不标准，应为 100x80'],
  ])('translates a %s message', (rule, english, chinese) => {
    expect(translateBpmnlintMessage(rule, english)).toBe(chinese);
  });

  it('falls back to the rule summary for a message it does not know', () => {
    expect(translateBpmnlintMessage('fake-join', 'Something new')).toBe('任务或事件不能汇聚多条入口顺序流');
  });

  it('names the rule when it knows neither message nor rule', () => {
    expect(translateBpmnlintMessage('brand-new', 'Something new')).toBe('检查规则 brand-new：Something new');
  });
});
