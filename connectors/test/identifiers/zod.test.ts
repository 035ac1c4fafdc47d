import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CitizenId, CreditCode, Mobile, citizenIdSchema } from '../../src/index.js';

describe('zod schemas', () => {
  it('output the normalised value', () => {
    expect(CitizenId.parse('44030519880808104x')).toBe('44030519880808104X');
    expect(CreditCode.parse('91110108123456788e')).toBe('91110108123456788E');
    expect(Mobile.parse('+86 138-1234-5678')).toBe('13812345678');
  });

  it('report failures as one custom issue with the code and both messages', () => {
    const result = CitizenId.safeParse('110105200001011239');
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]).toMatchObject({
      code: 'custom',
      message: '公民身份号码校验码错误',
      params: { code: 'citizen-id/check-digit', messageEn: 'The citizen ID check character does not match' },
    });
    expect(CreditCode.safeParse('91110108I23456788E').error?.issues[0]).toMatchObject({
      params: { code: 'credit-code/characters' },
    });
    expect(Mobile.safeParse('12812345678').error?.issues[0]).toMatchObject({ params: { code: 'mobile/prefix' } });
  });

  it('reject non-strings', () => {
    expect(Mobile.safeParse(13812345678).success).toBe(false);
  });

  it('take an injected today for the birth-date rule', () => {
    const schema = citizenIdSchema({ today: '1999-12-30' });
    expect(schema.safeParse('440305199912314565').error?.issues[0]).toMatchObject({
      params: { code: 'citizen-id/birth-date' },
    });
  });

  it('compose into object schemas', () => {
    const Applicant = z.object({ idNumber: CitizenId, mobile: Mobile });
    const parsed = Applicant.safeParse({ idNumber: '110105200001011238', mobile: '13812345678x' });
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['mobile'], params: { code: 'mobile/characters' } });
  });
});
