export { evaluateFeel, evaluateCondition } from './evaluate.js';
