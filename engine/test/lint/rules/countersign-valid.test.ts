import { describe } from 'vitest';
import { testRule } from '../helpers.js';

describe('tb/countersign-valid', () => {
  testRule('countersign-valid', {
    valid: ['valid.bpmn'],
    invalid: [
      { file: 'invalid-unknown-rule.bpmn', reports: [{ id: 'UserTask_1', says: 'tb:countersign "most" is invalid' }] },
      {
        file: 'invalid-ratio.bpmn',
        reports: [
          { id: 'UserTask_missing', says: 'ratio needs tb:passRatio' },
          { id: 'UserTask_above_one', says: 'tb:passRatio "1.5" is invalid' },
          { id: 'UserTask_zero', says: 'tb:passRatio "0" is invalid' },
        ],
      },
      {
        file: 'invalid-not-multi-instance.bpmn',
        reports: [{ id: 'UserTask_1', says: 'not multi-instance' }, { id: 'UserTask_2', says: 'not multi-instance' }],
      },
    ],
  });
});
