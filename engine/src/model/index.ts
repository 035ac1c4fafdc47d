export type * from './types.js';
export { parseBpmn } from './parse-bpmn.js';
export type { ParseOptions, ParseResult } from './parse-bpmn.js';
export { DEFAULT_PARSE_LIMITS } from './parse-limits.js';
export { createModdle } from './create-moddle.js';
export { tbDescriptor, TB_NAMESPACE_URI } from './tb-descriptor.js';
export type { ModdleElement } from 'bpmn-moddle';
export { locateProblems } from './locate-problems.js';
