import { MemoryStore } from '../../src/store/index.js';
import { describeStoreContract } from '../../src/testing/index.js';

describeStoreContract('memory', () => new MemoryStore());
