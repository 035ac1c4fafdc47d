import { describe } from 'vitest';
import { testRule } from '../helpers.js';

describe('tb/time-limit-syntax', () => {
  testRule('time-limit-syntax', {
    valid: ['valid.bpmn'],
    invalid: [
      { file: 'invalid-time-limit.bpmn', reports: [{ id: 'UserTask_1', says: 'tb:timeLimit (promised limit) "5d" is invalid: unknown unit "d"' }] },
      { file: 'invalid-legal-time-limit.bpmn', reports: [{ id: 'UserTask_1', says: 'tb:legalTimeLimit (legal limit) "20" is invalid: the unit is missing' }] },
      {
        file: 'invalid-both.bpmn',
        reports: [
          { id: 'UserTask_1', says: 'only wh (working hours) may have a fraction' },
          { id: 'UserTask_1', says: 'greater than 0' },
          { id: 'UserTask_2', says: 'must not contain spaces' },
        ],
      },
    ],
  });
});
