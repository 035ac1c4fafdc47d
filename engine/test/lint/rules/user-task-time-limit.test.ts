import { describe } from 'vitest';
import { testRule } from '../helpers.js';

describe('tb/user-task-time-limit', () => {
  testRule('user-task-time-limit', {
    valid: ['valid.bpmn'],
    invalid: [
      {
        file: 'invalid-missing.bpmn',
        reports: [{ id: 'UserTask_1', says: 'tb:timeLimit' }, { id: 'Task_1' }, { id: 'ManualTask_1' }],
      },
    ],
  });
});
