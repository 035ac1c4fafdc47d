/** Synthetic electronic licences (电子证照库) for generated persons and entities. */
import { addYears, randomDate, type Random } from './random.js';
import { regionByCode } from './regions.js';
import type { MadeEntity } from './entities.js';
import type { ELicence, Person } from './types.js';

/** Fixed so the data does not change with the day the server starts. */
const ISSUED_UNTIL = '2025-12-31';

export function personLicences(random: Random, person: Person): ELicence[] {
  const region = regionByCode(person.citizenId.slice(0, 6));
  const issuedOn = randomDate(random, maxDate(addYears(person.birthDate, 16), '2012-01-01'), ISSUED_UNTIL);
  const licences: ELicence[] = [{
    type: '居民身份证',
    number: person.citizenId,
    issuer: `${region.city}公安局${region.district.replace(/区$/, '')}分局`,
    issuedOn,
    validUntil: idCardValidUntil(person.birthDate, issuedOn),
  }];
  if (random.chance(0.5)) {
    const drivingFrom = randomDate(random, maxDate(addYears(person.birthDate, 18), '2010-01-01'), ISSUED_UNTIL);
    licences.push({
      type: '机动车驾驶证',
      // A driving licence number is the holder's citizen ID.
      number: person.citizenId,
      issuer: `${region.city}公安局交通警察支队`,
      issuedOn: drivingFrom,
      validUntil: addYears(drivingFrom, random.pick([6, 10])),
    });
  }
  return licences;
}

/** 居民身份证法 art. 5: 5/10/20 years or 长期 by age at issue (16–25: 10, 26–45: 20, 46+: 长期). */
function idCardValidUntil(birthDate: string, issuedOn: string): string | null {
  const age = Number(issuedOn.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (age >= 46) return null;
  return addYears(issuedOn, age >= 26 ? 20 : 10);
}

export function entityLicences(random: Random, { entity, industry, region }: MadeEntity): ELicence[] {
  const market = `${region.city}${region.city === region.province ? region.district : ''}市场监督管理局`;
  if (entity.type === '民办非企业单位') {
    return [{
      type: '民办非企业单位登记证书',
      number: entity.creditCode,
      issuer: `${region.city}民政局`,
      issuedOn: entity.establishedOn,
      validUntil: addYears(entity.establishedOn, 5),
    }];
  }
  const licences: ELicence[] = [{
    type: '营业执照',
    number: entity.creditCode,
    issuer: market,
    issuedOn: entity.establishedOn,
    validUntil: random.chance(0.7) ? null : addYears(entity.establishedOn, 20),
  }];
  if (industry.food && entity.status === '存续') {
    const issuedOn = randomDate(random, maxDate(entity.establishedOn, '2021-01-01'), ISSUED_UNTIL);
    licences.push({
      type: '食品经营许可证',
      // JY + 主体业态 + 6-digit division + 6-digit sequence + check digit (check not modelled).
      number: `JY${random.int(1, 3)}${region.code}${String(random.int(0, 999_999)).padStart(6, '0')}${random.int(0, 9)}`,
      issuer: market,
      issuedOn,
      validUntil: addYears(issuedOn, 5),
    });
  }
  return licences;
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
