import { describe } from 'vitest';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { storeContract } from './store-contract.js';

describe('the memory store', () => {
  storeContract(async () => createMemoryStore(), { persistent: false });
});
