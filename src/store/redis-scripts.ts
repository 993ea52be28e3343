import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** A Lua script run by its SHA (EVALSHA), loaded with EVAL the first time a server lacks it. */
export interface RedisScript {
  run(client: Redis, keys: string[], args: Array<string | number>): Promise<unknown>;
}

export function defineScript(lua: string): RedisScript {
  const sha = createHash('sha1').update(lua).digest('hex');
  return {
    async run(client, keys, args) {
      try {
        return await client.evalsha(sha, keys.length, ...keys, ...args);
      } catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
        return client.eval(lua, keys.length, ...keys, ...args);
      }
    },
  };
}

/**
 * Versioned write: KEYS[1] conversation hash; ARGV expected version, new version, record JSON, idle TTL ms.
 * Returns -1 when written, else the version found (someone else wrote in between: a lost update).
 */
export const casPutScript = defineScript(`
local current = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
if current ~= tonumber(ARGV[1]) then return current end
redis.call('HSET', KEYS[1], 'v', ARGV[2], 'd', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return -1
`);

export const FENCE_LOCK_LOST = -2;
export const FENCE_TOO_LATE = -3;

/**
 * The versioned write of a turn that holds the conversation's lock, fenced: KEYS[1] conversation
 * hash, KEYS[2] lock; ARGV as casPutScript, then the lock token and a deadline in the server's own
 * clock (ms). Refused (-2) when the lock no longer holds the token (it expired and maybe another
 * instance took it), and (-3) when the write runs after its deadline: a write held up (Redis frozen,
 * a slow network) until after its turn was answered "I'm having trouble" must never land later.
 */
export const fencedPutScript = defineScript(`
if redis.replicate_commands then redis.replicate_commands() end
if redis.call('GET', KEYS[2]) ~= ARGV[5] then return -2 end
local t = redis.call('TIME')
if tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) > tonumber(ARGV[6]) then return -3 end
local current = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
if current ~= tonumber(ARGV[1]) then return current end
redis.call('HSET', KEYS[1], 'v', ARGV[2], 'd', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return -1
`);

/** Takes the lock (SET NX PX) and returns the server's time in ms, or false when it is taken. */
export const acquireLockScript = defineScript(`
if not redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return false end
local t = redis.call('TIME')
return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`);

/** Deletes the lock only if it still holds our token (never someone else's lock after ours expired). */
export const unlockScript = defineScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

/** Extends the lock only while it still holds our token. */
export const extendLockScript = defineScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`);
