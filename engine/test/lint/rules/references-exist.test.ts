import { describe, expect, it } from 'vitest';
import { lintFixture, testRule } from '../helpers.js';

const catalogue = { forms: ['tax-registration'], connectors: ['legal-entity'] };

describe('tb/references-exist', () => {
  testRule('references-exist', {
    catalogue,
    valid: ['valid.bpmn'],
    invalid: [
      {
        file: 'invalid.bpmn',
        reports: [
          { id: 'UserTask_1', says: 'Form "tax-registraton" does not exist' },
          { id: 'UserTask_1', says: 'Connector "population" used by tb:prefill' },
          { id: 'ServiceTask_1', says: 'Connector "social-insurance" does not exist' },
        ],
      },
    ],
  });

  const messagesFor = async (given: Parameters<typeof lintFixture>[2]) =>
    (await lintFixture('references-exist/invalid.bpmn', 'with tb descriptor', given))
      .filter((p) => p.code === 'tb/references-exist')
      .map((p) => p.messageEn);

  it('checks nothing when the caller gives no catalogue', async () => {
    expect(await messagesFor(undefined)).toEqual([]);
  });

  it('checks only the kinds the catalogue lists', async () => {
    expect(await messagesFor({ forms: ['tax-registration'] })).toEqual(['Form "tax-registraton" does not exist']);
    expect(await messagesFor({ connectors: ['legal-entity'] })).toEqual([
      'Connector "population" used by tb:prefill does not exist',
      'Connector "social-insurance" does not exist',
    ]);
  });
});
