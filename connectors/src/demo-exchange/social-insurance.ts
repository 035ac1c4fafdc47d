/** Synthetic social-insurance records (社保库): employers are entities of the legal-entity registry. */
import type { MadeEntity } from './entities.js';
import type { Random } from './random.js';
import { regionByCode } from './regions.js';
import type { Person, SocialInsurance } from './types.js';

/** Months counted up to this fixed date so the data does not drift with the clock. */
const AS_OF_YEAR = 2025;

export function makeSocialInsurance(random: Random, person: Person, employers: readonly MadeEntity[]): SocialInsurance {
  const working = AS_OF_YEAR - Math.max(Number(person.birthDate.slice(0, 4)) + 18, 1995);
  const contributionMonths = random.int(1, Math.max(1, working * 12));
  const roll = random.next();
  const status = roll < 0.8 ? '正常参保' : roll < 0.92 ? '暂停缴费' : '终止参保';
  // Only active entities employ contributors; a few pay as 灵活就业 without one.
  const active = employers.filter((made) => made.entity.status === '存续');
  const employer = status === '正常参保' && random.chance(0.85) && active.length > 0 ? random.pick(active) : undefined;
  return {
    citizenId: person.citizenId,
    insured: status !== '终止参保',
    status,
    insuranceType: '城镇职工基本养老保险',
    employerCreditCode: employer?.entity.creditCode ?? null,
    city: employer?.region.city ?? regionByCode(person.citizenId.slice(0, 6)).city,
    contributionMonths,
  };
}
