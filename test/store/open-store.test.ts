import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeSpecFrom } from '../../src/cli/store-option.js';
import { parseEnv } from '../../src/config/env.js';
import { ConfigError } from '../../src/core/errors.js';
import { openStore } from '../../src/store/open-store.js';

describe('choosing a store', () => {
  it('uses Redis with the default prefix and a 7-day idle TTL when only REDIS_URL is set', () => {
    const spec = storeSpecFrom(undefined, parseEnv({ REDIS_URL: 'redis://127.0.0.1:6390' }));
    expect(spec).toEqual({ kind: 'redis', url: 'redis://127.0.0.1:6390', keyPrefix: 'supportbot:', idleTtlMs: 7 * 86_400_000 });
  });

  it('takes the key prefix and the idle TTL from the environment', () => {
    const env = parseEnv({ REDIS_URL: 'redis://h:1', REDIS_KEY_PREFIX: 'team-a:', REDIS_IDLE_TTL_DAYS: '0.5' });
    expect(storeSpecFrom(undefined, env)).toMatchObject({ keyPrefix: 'team-a:', idleTtlMs: 43_200_000 });
  });

  it('names the variable when the prefix or the TTL is malformed', () => {
    expect(() => parseEnv({ REDIS_KEY_PREFIX: 'has space' })).toThrow(ConfigError);
    expect(() => parseEnv({ REDIS_IDLE_TTL_DAYS: '0' })).toThrow(/REDIS_IDLE_TTL_DAYS/);
  });

  it('lets --store pick the lowdb file even when REDIS_URL is set', () => {
    const env = parseEnv({ REDIS_URL: 'redis://h:1' });
    expect(storeSpecFrom('/tmp/bot.json', env)).toEqual({ kind: 'lowdb', path: '/tmp/bot.json' });
    expect(storeSpecFrom('memory', env)).toEqual({ kind: 'memory' });
  });

  it('opens a working lowdb store at the chosen path', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'supportbot-open-'));
    try {
      const store = await openStore({ kind: 'lowdb', path: path.join(dir, 'bot.json') });
      await store.put({ key: 'k', version: 1, state: {}, updatedAt: 0 }, 0);
      await store.close();
      const again = await openStore({ kind: 'lowdb', path: path.join(dir, 'bot.json') });
      expect((await again.get('k'))?.version).toBe(1);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
