import type { Redis } from 'ioredis';
import { silentLogger, type Logger } from '../core/logger.js';
import type { RateLimiter } from '../core/rate-limiter.js';
import { defineScript } from './redis-scripts.js';

/**
 * take: a sliding window in a sorted set (KEYS[1]) scored by Redis's own clock, so every instance
 * counts on one clock; KEYS[2] is the key's "notice sent" flag, cleared by a turn taken.
 * ARGV limit, window ms, a unique member. 1 taken, 0 refused (a refused turn is not counted).
 */
const takeScript = defineScript(`
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now, now .. ':' .. ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
redis.call('DEL', KEYS[2])
return 1
`);

export interface RedisRateLimiterOptions {
  client: Redis;
  limit: number;
  windowMs?: number;
  /** Prefix of the limiter's keys (the store's, so several bots can share one Redis). */
  keyPrefix?: string;
  logger?: Logger;
}

/**
 * The per-user limit shared by every instance on one Redis: N instances give a person the limit
 * once, not N times. Same contract as the in-process limiter (src/core/rate-limiter.ts): a sliding
 * window, refused turns not counted, one notice per window. Each step is one atomic command. When
 * Redis cannot answer, the limit is not applied (the turn itself then meets the store's "please
 * try again"), and one line is logged until it answers again.
 */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  const { client, limit } = options;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`rate limit must be a whole number above 0, got ${limit}`);
  const windowMs = options.windowMs ?? 60_000;
  const prefix = `${options.keyPrefix ?? 'supportbot:'}rate:`;
  const logger = options.logger ?? silentLogger();
  let failing = false;
  let counter = 0;

  function failOpen(error: unknown): true {
    if (!failing) logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'rate limit not applied: Redis did not answer');
    failing = true;
    return true;
  }

  return {
    async take(key) {
      try {
        const member = `${process.pid}:${(counter = (counter + 1) % 1e9)}:${Math.random().toString(36).slice(2, 8)}`;
        const taken = await takeScript.run(client, [`${prefix}${key}`, `${prefix}notice:${key}`], [limit, windowMs, member]);
        failing = false;
        return taken === 1;
      } catch (error) {
        return failOpen(error);
      }
    },
    async notice(key) {
      try {
        return (await client.set(`${prefix}notice:${key}`, '1', 'PX', windowMs, 'NX')) === 'OK';
      } catch (error) {
        return failOpen(error);
      }
    },
  };
}
