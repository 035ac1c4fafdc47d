export { readScope, seesClearData, actsFor, type ReadScope } from './scope.js';
