export * from './identifiers/index.js';
export * from './model/index.js';
export * from './http/index.js';
export * from './demo-exchange/index.js';
export * from './prefill/index.js';
