import { describe } from 'vitest';
import { testRule } from '../helpers.js';

describe('tb/promised-within-legal', () => {
  testRule('promised-within-legal', {
    valid: ['valid.bpmn'],
    invalid: [
      {
        file: 'invalid.bpmn',
        reports: [
          { id: 'UserTask_days', says: 'Promised limit 25wd exceeds the legal limit 20wd' },
          { id: 'UserTask_hours', says: '8wh exceeds the legal limit 1wd' },
          { id: 'UserTask_calendar', says: '16cd' },
        ],
      },
    ],
  });
});
