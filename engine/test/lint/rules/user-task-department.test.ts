import { describe } from 'vitest';
import { testRule } from '../helpers.js';

describe('tb/user-task-department', () => {
  testRule('user-task-department', {
    valid: ['valid-on-task', 'valid-from-lane', 'valid-from-parent-lane', 'valid-in-sub-process-lane', 'valid-not-human'].map((f) => `${f}.bpmn`),
    invalid: [
      { file: 'invalid-missing.bpmn', reports: [{ id: 'UserTask_1', says: 'tb:department' }, { id: 'Task_1' }, { id: 'ManualTask_1' }] },
      { file: 'invalid-blank.bpmn', reports: [{ id: 'UserTask_1' }] },
      { file: 'invalid-lane-without-department.bpmn', reports: [{ id: 'UserTask_1' }] },
    ],
  });
});
