export { analyseScope } from './analyse-scope.js';
export type { Block, Region, ScopeStructure } from './types.js';
