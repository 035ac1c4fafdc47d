/** Synthetic population registry records (人口库). */
import type { Sex } from '../identifiers/index.js';
import { makeCitizenId, makeMobile } from './make-identifiers.js';
import { randomDate, type Random } from './random.js';
import { REGIONS, regionName } from './regions.js';
import type { Person } from './types.js';
import { ETHNICITIES, FEMALE_GIVEN, MALE_GIVEN, STREETS, SURNAMES } from './vocabulary.js';

/** Adults only, so every person can be insured or represent an entity. */
const BIRTH_FROM = '1950-01-01';
const BIRTH_TO = '2005-12-31';

export function makePerson(random: Random, taken: Set<string>): Person {
  const sex: Sex = random.chance(0.5) ? 'male' : 'female';
  const region = random.pick(REGIONS);
  const birthDate = randomDate(random, BIRTH_FROM, BIRTH_TO);
  let citizenId = makeCitizenId(random, region.code, birthDate, sex);
  while (taken.has(citizenId)) citizenId = makeCitizenId(random, region.code, birthDate, sex);
  taken.add(citizenId);
  const givenChars = sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN;
  const given = random.chance(0.7) ? random.pick(givenChars) + random.pick(givenChars) : random.pick(givenChars);
  return {
    citizenId,
    name: random.pick(SURNAMES) + given,
    sex,
    birthDate,
    ethnicity: random.chance(0.9) ? '汉族' : random.pick(ETHNICITIES),
    householdAddress: makeAddress(random, regionName(region)),
    mobile: makeMobile(random),
  };
}

export function makeAddress(random: Random, prefix: string): string {
  const street = `${prefix}${random.pick(STREETS)}${random.int(1, 300)}号`;
  return random.chance(0.6)
    ? `${street}${random.int(1, 20)}栋${random.int(1, 4)}单元${random.int(1, 30)}0${random.int(1, 4)}室`
    : street;
}
