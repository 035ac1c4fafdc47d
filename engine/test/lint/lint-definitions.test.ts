import { describe, expect, it } from 'vitest';
import { createLinter, lintConfig, lintDefinitions } from '../../src/lint/index.js';
import { hasErrors } from '../../src/problems/index.js';
import { lintFixture, moddleModes, parseFixture } from './helpers.js';

describe('lintDefinitions', () => {
  for (const mode of moddleModes) {
    it(`finds nothing wrong in a clean one-thing process (${mode})`, async () => {
      // given start → fork → six department tasks → join → delivery → end, all with departments and limits
      // when
      const problems = await lintFixture('one-thing.bpmn', mode);
      // then
      expect(problems).toEqual([]);
      expect(hasErrors(problems)).toBe(false);
    });
  }

  it('maps bpmnlint reports to lint/<rule> problems with Chinese and English messages', async () => {
    const problems = await lintFixture('user-task-department/invalid-missing.bpmn');
    const bpmndi = problems.find((p) => p.code === 'lint/no-bpmndi' && p.elementId === 'UserTask_1');
    expect(bpmndi).toEqual({
      code: 'lint/no-bpmndi',
      severity: 'warning',
      message: '元素缺少图形信息（BPMNDI），无法在设计器中显示',
      messageEn: 'Element is missing bpmndi',
      elementId: 'UserTask_1',
      elementType: 'bpmn:UserTask',
    });
  });

  it('maps Tongban reports to tb/<rule> problems', async () => {
    const problems = await lintFixture('user-task-department/invalid-missing.bpmn');
    expect(problems.find((p) => p.code === 'tb/user-task-department')).toEqual({
      code: 'tb/user-task-department',
      severity: 'error',
      message: '人工任务未指定办理部门：请在任务或其所在泳道上设置 tb:department',
      messageEn: 'Human task has no department: set tb:department on the task or on its lane',
      elementId: 'UserTask_1',
      elementType: 'bpmn:UserTask',
    });
  });

  it('takes severity from the config: warn becomes warning, error stays error', async () => {
    const problems = await lintFixture('mapping/fake-join.bpmn');
    expect(problems.filter((p) => p.code === 'lint/fake-join')).toMatchObject([
      { severity: 'warning', elementId: 'Task_3', message: '多条入口顺序流不会汇聚，请使用汇聚网关' },
    ]);
    expect(problems.filter((p) => p.code === 'lint/no-bpmndi').every((p) => p.severity === 'warning')).toBe(true);
    expect(problems.filter((p) => p.code === 'lint/conditional-flows' || p.code === 'lint/end-event-required').every((p) => p.severity === 'error')).toBe(true);
    const ratio = await lintFixture('pass-ratio-unused/invalid.bpmn');
    expect(ratio.filter((p) => p.code === 'tb/pass-ratio-unused').map((p) => p.severity)).toEqual(['warning', 'warning']);
  });

  it('reports an unconditioned gateway flow once, as tb/gateway-conditions', async () => {
    const raw = await createLinter().lint(await parseFixture('gateway-conditions/invalid-one-missing.bpmn'));
    expect(raw['conditional-flows']?.map((r) => r.id)).toEqual(['Flow_no']);
    const problems = await lintFixture('gateway-conditions/invalid-one-missing.bpmn');
    const onFlow = problems.filter((p) => p.elementId === 'Flow_no').map((p) => p.code);
    expect(onFlow).toContain('tb/gateway-conditions');
    expect(onFlow).not.toContain('lint/conditional-flows');
  });

  it('does not discourage inclusive gateways: the engine runs them', async () => {
    const problems = await lintFixture('gateway-conditions/valid-inclusive.bpmn');
    expect(problems.map((p) => p.code)).not.toContain('lint/no-inclusive-gateway');
  });

  it('rejects a value that is not a moddle tree', async () => {
    await expect(lintDefinitions('<bpmn:definitions/>')).rejects.toThrow(TypeError);
  });
});

describe('createLinter', () => {
  it('returns bpmnlint results keyed by rule, with the Tongban rules under tongban/', async () => {
    // given a linter as the designer would create it
    const linter = createLinter({ catalogue: { forms: [] } });
    // when
    const results = await linter.lint(await parseFixture('references-exist/invalid.bpmn'));
    // then
    expect(Object.keys(results)).toContain('tongban/references-exist');
    expect(Object.keys(results)).toContain('no-bpmndi');
    expect(results['tongban/references-exist']?.[0]).toMatchObject({ id: 'UserTask_1', category: 'error', messageZh: '表单“tax-registraton”不存在' });
  });

  it('keeps the shared config untouched when a catalogue is given', () => {
    createLinter({ catalogue: { forms: ['x'] } });
    expect(lintConfig.rules).toEqual({ 'no-inclusive-gateway': 'off', 'label-required': 'warn', 'no-bpmndi': 'warn' });
  });
});
