export type { Store, InstanceCommit, TaskQuery } from './store.js';
export { MemoryStore } from './memory-store.js';
