export { startDemoExchange, DEFAULT_API_KEY, MAX_HANG_MS, type DemoExchange, type DemoExchangeOptions } from './server.js';
export { createDemoData, DEFAULT_SEED, ENTITY_COUNT, PERSON_COUNT } from './dataset.js';
export { UNKNOWN_CITIZEN_ID, WELL_KNOWN_ENTITIES, WELL_KNOWN_PERSONS } from './well-known.js';
export type { DemoData, ELicence, LegalEntity, Person, SocialInsurance } from './types.js';
