import { describe } from 'vitest';
import { testRule } from '../helpers.js';

describe('tb/gateway-conditions', () => {
  testRule('gateway-conditions', {
    valid: ['valid-all-conditioned', 'valid-default', 'valid-inclusive', 'valid-single-outgoing', 'valid-parallel'].map((f) => `${f}.bpmn`),
    invalid: [
      { file: 'invalid-no-conditions.bpmn', reports: [{ id: 'Flow_a', says: 'Gateway_1' }, { id: 'Flow_b' }] },
      { file: 'invalid-one-missing.bpmn', reports: [{ id: 'Flow_no' }] },
      { file: 'invalid-inclusive-blank.bpmn', reports: [{ id: 'Flow_b' }] },
    ],
  });
});
