import { describe, expect, it } from 'vitest';
import { toProblem } from '../../src/lint/to-problem.js';

const types = new Map([['Task_1', 'bpmn:UserTask']]);

describe('toProblem', () => {
  it('turns a rule that threw into a blocking error, without an element', () => {
    expect(toProblem('tongban/user-task-department', { message: 'boom', category: 'rule-error' }, types)).toEqual({
      code: 'tb/user-task-department',
      severity: 'error',
      message: '检查规则 tongban/user-task-department 运行出错：boom',
      messageEn: 'Lint rule tongban/user-task-department failed: boom',
    });
  });

  it('reads bpmnlint info as a warning', () => {
    expect(toProblem('label-required', { id: 'Task_1', message: 'Element is missing label/name', category: 'info' }, types)).toMatchObject({
      code: 'lint/label-required',
      severity: 'warning',
      message: '元素缺少名称',
      elementType: 'bpmn:UserTask',
    });
  });

  it('omits the element type of an id it does not know', () => {
    expect(toProblem('label-required', { id: 'Ghost', message: 'Element is missing label/name', category: 'error' }, types)).not.toHaveProperty('elementType');
  });
});
