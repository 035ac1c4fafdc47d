export { loadDefinition } from './load-definition.js';
export type { LoadOptions, LoadedDefinition } from './load-definition.js';
