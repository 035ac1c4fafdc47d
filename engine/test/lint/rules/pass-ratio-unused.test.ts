import { describe } from 'vitest';
import { testRule } from '../helpers.js';

describe('tb/pass-ratio-unused', () => {
  testRule('pass-ratio-unused', {
    severity: 'warning',
    valid: ['valid.bpmn'],
    invalid: [{ file: 'invalid.bpmn', reports: [{ id: 'UserTask_all', says: 'no effect' }, { id: 'UserTask_default' }] }],
  });
});
