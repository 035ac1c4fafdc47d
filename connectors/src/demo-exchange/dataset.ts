/** Builds the whole demo data set from a seed: same seed, same records. */
import { entityLicences, personLicences } from './licences.js';
import { makeEntity, type MadeEntity } from './entities.js';
import { makePerson } from './persons.js';
import { createRandom } from './random.js';
import { entityProperties, personProperties } from './real-estate.js';
import { makeSocialInsurance } from './social-insurance.js';
import type { DemoData, ELicence, LegalEntity, Person, RealEstateProperty, SocialInsurance } from './types.js';
import {
  UNKNOWN_CITIZEN_ID,
  WELL_KNOWN_ENTITIES,
  WELL_KNOWN_LICENCES,
  WELL_KNOWN_PERSONS,
  WELL_KNOWN_REAL_ESTATE,
  WELL_KNOWN_SOCIAL_INSURANCE,
} from './well-known.js';

export const DEFAULT_SEED = 20_251_101;
export const PERSON_COUNT = 200;
export const ENTITY_COUNT = 100;
/** "REST" in ASCII: any constant works, it only has to differ from the main stream. */
const REAL_ESTATE_STREAM = 0x52_45_53_54;

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

  const properties = [...WELL_KNOWN_REAL_ESTATE, ...makeRealEstate(seed, generatedPersons, made)];

  return {
    persons: byKey([...WELL_KNOWN_PERSONS, ...generatedPersons], (p) => p.citizenId),
    entities: byKey<LegalEntity>([...WELL_KNOWN_ENTITIES, ...made.map((m) => m.entity)], (e) => e.creditCode),
    licences,
    socialInsurance: byKey(insurance, (s) => s.citizenId),
    realEstate: byOwner(properties),
  };
}

/**
 * Real estate draws from its own stream of the same seed, so adding this
 * registry left every record of the other registries unchanged for a seed.
 */
function makeRealEstate(seed: number, persons: readonly Person[], made: readonly MadeEntity[]): RealEstateProperty[] {
  const random = createRandom((seed ^ REAL_ESTATE_STREAM) >>> 0);
  const taken = {
    certificates: new Set(WELL_KNOWN_REAL_ESTATE.map((p) => p.certificateNumber)),
    units: new Set(WELL_KNOWN_REAL_ESTATE.map((p) => p.unitNumber)),
  };
  return [
    ...persons.flatMap((person) => personProperties(random, person, persons, taken)),
    ...made.flatMap((entity) => entityProperties(random, entity, taken)),
  ];
}

/** Co-owned units are listed under each owner. */
function byOwner(properties: readonly RealEstateProperty[]): ReadonlyMap<string, readonly RealEstateProperty[]> {
  const map = new Map<string, RealEstateProperty[]>();
  for (const property of properties) {
    for (const owner of property.owners) map.set(owner.idNumber, [...(map.get(owner.idNumber) ?? []), property]);
  }
  return map;
}

function byKey<T>(items: readonly T[], key: (item: T) => string): ReadonlyMap<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}
