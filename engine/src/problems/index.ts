export { problem, hasErrors } from './problem.js';
export type { Problem, Severity } from './problem.js';
