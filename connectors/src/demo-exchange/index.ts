export { startDemoExchange, DEFAULT_API_KEY, MAX_HANG_MS, type DemoExchange, type DemoExchangeOptions } from './server.js';
export { MAX_LATENCY_MS } from './latency.js';
export { createDemoData, DEFAULT_SEED, ENTITY_COUNT, PERSON_COUNT } from './dataset.js';
export { UNKNOWN_CITIZEN_ID, WELL_KNOWN_ENTITIES, WELL_KNOWN_PERSONS, WELL_KNOWN_REAL_ESTATE } from './well-known.js';
export type {
  CoOwnership,
  DemoData,
  ELicence,
  LegalEntity,
  Person,
  RealEstateOwner,
  RealEstateProperty,
  RealEstateUse,
  SocialInsurance,
} from './types.js';
