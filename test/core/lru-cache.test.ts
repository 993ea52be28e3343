import { describe, expect, it } from 'vitest';
import { createLruCache } from '../../src/core/lru-cache.js';

describe('the LRU/TTL cache', () => {
  it('forgets the least recently used entry past its bound; a read counts as a use', () => {
    const cache = createLruCache<number>({ maxEntries: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('peeks without changing what is forgotten next', () => {
    const cache = createLruCache<number>({ maxEntries: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.peek('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.peek('a')).toBeUndefined();
  });

  it('expires an entry ttl after its last set, by the clock or an explicit time', () => {
    let clock = 0;
    const cache = createLruCache<string>({ maxEntries: 10, ttlMs: 100, now: () => clock });
    cache.set('a', 'x');
    clock = 99;
    expect(cache.get('a')).toBe('x');
    clock = 100;
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', 'y', 500);
    expect(cache.peek('b', 550)).toBe('y');
    expect(cache.peek('b', 600)).toBeUndefined();
  });

  it('lists live entries with the time each was set, least recent first', () => {
    const cache = createLruCache<boolean>({ maxEntries: 10, ttlMs: 100 });
    cache.set('old', true, 0);
    cache.set('mid', true, 50);
    cache.set('new', true, 120);
    expect(cache.entries(130)).toEqual([
      ['mid', true, 50],
      ['new', true, 120],
    ]);
    expect(cache.size).toBe(2);
  });

  it('deletes on request, and refuses a bound below one', () => {
    const cache = createLruCache<number>({ maxEntries: 1 });
    cache.set('a', 1);
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
    expect(() => createLruCache({ maxEntries: 0 })).toThrow(RangeError);
  });
});
