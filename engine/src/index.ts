/**
 * @tongban/engine — public surface. Code outside the engine imports only from here
 * (and `@tongban/engine/testing` in tests).
 */
export * from './problems/index.js';
export * from './model/index.js';
