/** Builds the whole demo data set from a seed: same seed, same records. */
import { entityLicences, personLicences } from './licences.js';
import { makeEntity, type MadeEntity } from './entities.js';
import { makePerson } from './persons.js';
import { createRandom } from './random.js';
import { makeSocialInsurance } from './social-insurance.js';
import type { DemoData, ELicence, LegalEntity, Person, SocialInsurance } from './types.js';
import {
  UNKNOWN_CITIZEN_ID,
  WELL_KNOWN_ENTITIES,
  WELL_KNOWN_LICENCES,
  WELL_KNOWN_PERSONS,
  WELL_KNOWN_SOCIAL_INSURANCE,
} from './well-known.js';

export const DEFAULT_SEED = 20_251_101;
export const PERSON_COUNT = 200;
export const ENTITY_COUNT = 100;

export function createDemoData(seed: number = DEFAULT_SEED): DemoData {
  const random = createRandom(seed);
  const takenIds = new Set([UNKNOWN_CITIZEN_ID, ...WELL_KNOWN_PERSONS.map((p) => p.citizenId)]);
  const takenCodes = new Set(WELL_KNOWN_ENTITIES.map((e) => e.creditCode));

  const generatedPersons: Person[] = [];
  while (WELL_KNOWN_PERSONS.length + generatedPersons.length < PERSON_COUNT) {
    generatedPersons.push(makePerson(random, takenIds));
  }
  // Representatives must be old enough to have founded an entity by the end of 2025.
  const eligible = generatedPersons.filter((p) => p.birthDate <= '2003-12-31');
  const made: MadeEntity[] = [];
  while (WELL_KNOWN_ENTITIES.length + made.length < ENTITY_COUNT) {
    made.push(makeEntity(random, random.pick(eligible), takenCodes));
  }

  const licences = new Map<string, readonly ELicence[]>(WELL_KNOWN_LICENCES);
  for (const person of generatedPersons) licences.set(person.citizenId, personLicences(random, person));
  for (const entity of made) licences.set(entity.entity.creditCode, entityLicences(random, entity));

  const insurance: SocialInsurance[] = [...WELL_KNOWN_SOCIAL_INSURANCE];
  // About one in ten has no record, so connectors meet "valid but not insured" 404s.
  for (const person of generatedPersons) {
    if (random.chance(0.9)) insurance.push(makeSocialInsurance(random, person, made));
  }

  return {
    persons: byKey([...WELL_KNOWN_PERSONS, ...generatedPersons], (p) => p.citizenId),
    entities: byKey<LegalEntity>([...WELL_KNOWN_ENTITIES, ...made.map((m) => m.entity)], (e) => e.creditCode),
    licences,
    socialInsurance: byKey(insurance, (s) => s.citizenId),
  };
}

function byKey<T>(items: readonly T[], key: (item: T) => string): ReadonlyMap<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}
