/** Test helpers and contract suites for adapters of the engine's ports. */
export { ModelBuilder } from './model-builder.js';
export { describeStoreContract } from './store-contract.js';
export { FakeClock, SequentialIds } from './fakes.js';
