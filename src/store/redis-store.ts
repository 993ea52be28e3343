import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { silentLogger, type Logger } from '../core/logger.js';
import type { ConversationRecord, ConversationStore } from '../core/ports.js';
import { StoreError, StoreUnavailableError, VersionConflictError } from '../core/errors.js';
import { conversationRecordSchema, describeIssue } from './conversation-record.js';
import { createKeyedQueue } from '../core/keyed-queue.js';
import { acquireLockScript, casPutScript, extendLockScript, FENCE_LOCK_LOST, FENCE_TOO_LATE, fencedPutScript, unlockScript } from './redis-scripts.js';
import { FencedWriteError, LockTimeoutError } from './store-errors.js';
import { checkNamespace } from './record-namespace.js';

export const DEFAULT_REDIS_KEY_PREFIX = 'supportbot:';
export const DEFAULT_REDIS_IDLE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface RedisStoreOptions {
  now?: () => number;
  logger?: Logger;
  /** Prefix of every key, so several bots can share one Redis. Default `supportbot:`. */
  keyPrefix?: string;
  /** A conversation not written for this long expires. Default 7 days. */
  idleTtlMs?: number;
  /** A lock not extended for this long expires (its holder died). Default 30 s; extended every third of it. */
  lockTtlMs?: number;
  /** How long a turn waits for a conversation locked by another instance. Default 10 s. */
  lockWaitMs?: number;
  /** How long an event id is remembered across instances. Default 24 h. */
  eventTtlMs?: number;
  /** Connect and per-command time limits: an unreachable Redis fails a turn this fast. Default 2 s. */
  timeoutMs?: number;
}

export interface RedisStore extends ConversationStore {
  readonly client: Redis;
  readonly keyPrefix: string;
  /** While Redis is unreachable: the connection's last error (e.g. connect ECONNREFUSED 10.0.0.5:6379). */
  connectionProblem(): string | undefined;
}

/** `redis://user:secret@host:6379/0` → `redis://host:6379/0`, for logs and messages. */
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return 'redis';
  }
}

const UNAVAILABLE_REPLIES = /^(LOADING|BUSY|MASTERDOWN|CLUSTERDOWN|TRYAGAIN|READONLY)\b/;

/**
 * State in Redis, for several instances: a per-conversation lock (SET NX PX with a random token,
 * extended while the turn runs, released by compare-and-delete), versioned compare-and-set writes
 * fenced by the lock token and a deadline (a late write is refused, see fencedPutScript),
 * idle conversations expiring by TTL, and event ids deduplicated with SET NX across all instances.
 */
export async function openRedisStore(url: string, options: RedisStoreOptions = {}): Promise<RedisStore> {
  const logger = options.logger ?? silentLogger();
  const prefix = options.keyPrefix ?? DEFAULT_REDIS_KEY_PREFIX;
  const idleTtlMs = options.idleTtlMs ?? DEFAULT_REDIS_IDLE_TTL_MS;
  const lockTtlMs = options.lockTtlMs ?? 30_000;
  const lockWaitMs = options.lockWaitMs ?? 10_000;
  const eventTtlMs = options.eventTtlMs ?? 24 * 60 * 60 * 1000;
  const timeoutMs = options.timeoutMs ?? 2000;
  const where = redactRedisUrl(url);

  const client = new Redis(url, {
    lazyConnect: true,
    // Fail fast instead of queueing while Redis is away: the person gets "please try again" at once.
    enableOfflineQueue: false,
    // A command is never resent after a reconnect: a resent compare-and-set could look like a conflict.
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    // Keep reconnecting for as long as the instance runs; recovery needs no restart.
    retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 5), 2000),
  });
  let down = false;
  let lastError: string | undefined;
  client.on('error', (error: Error) => {
    lastError = error.message;
    if (down) return;
    down = true;
    logger.error({ redis: where, err: error.message }, `redis at ${where} is unreachable; turns get "please try again" until it is back`);
  });
  client.on('ready', () => {
    if (down) logger.warn({ redis: where }, `redis at ${where} is reachable again`);
    down = false;
    lastError = undefined;
  });
  try {
    await client.connect();
  } catch (error) {
    // Start anyway: the instance answers with "please try again" and recovers once Redis is back.
    lastError = error instanceof Error ? error.message : String(error);
    if (!down) logger.error({ redis: where, err: lastError }, `redis at ${where} is not reachable yet; retrying in the background`);
    down = true;
  }

  const toStoreError = (error: unknown): Error => {
    if (error instanceof StoreError) return error;
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof Error && error.name === 'ReplyError' && !UNAVAILABLE_REPLIES.test(message)) {
      return new StoreError(`redis at ${where}: ${message}`, { cause: error });
    }
    return new StoreUnavailableError(`redis at ${where} is unavailable: ${message}`, { cause: error });
  };
  const call = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw toStoreError(error);
    }
  };

  const conversationKey = (key: string) => `${prefix}conversation:${key}`;
  const lockKey = (key: string) => `${prefix}lock:${key}`;
  const eventKey = (id: string) => `${prefix}event:${id}`;
  const queue = createKeyedQueue();
  /** The locks this process holds for a running turn: the token, and the server's clock when taken. */
  const held = new Map<string, { token: string; serverMs: number; localMs: number }>();

  async function acquire(key: string, token: string): Promise<void> {
    const started = Date.now();
    let delay = 5;
    for (;;) {
      const serverMs = await call(() => acquireLockScript.run(client, [lockKey(key)], [token, lockTtlMs]));
      if (typeof serverMs === 'number') {
        held.set(key, { token, serverMs, localMs: performance.now() });
        return;
      }
      const waited = Date.now() - started;
      if (waited >= lockWaitMs) throw new LockTimeoutError(key, waited);
      // Small backoff with jitter, so instances waiting on one conversation do not retry in step.
      await sleep(Math.min(delay * (0.5 + Math.random()), lockWaitMs - waited));
      delay = Math.min(delay * 2, 100);
    }
  }

  return {
    client,
    keyPrefix: prefix,
    connectionProblem: () => (down ? lastError : undefined),
    async get(key) {
      const [version, data] = await call(() => client.hmget(conversationKey(key), 'v', 'd'));
      if (data === null || data === undefined) return undefined;
      let problem: string;
      try {
        const parsed = conversationRecordSchema.safeParse(JSON.parse(data));
        if (parsed.success) return parsed.data as ConversationRecord;
        problem = describeIssue(parsed.error);
      } catch (error) {
        problem = `invalid JSON: ${(error as Error).message}`;
      }
      // Unusable: the person starts fresh (the policy rejects a null state) instead of failing every turn.
      logger.warn({ key: conversationKey(key), problem }, `redis key ${conversationKey(key)} holds an unreadable conversation (${problem}); starting it fresh`);
      const stored = Number(version);
      if (!Number.isInteger(stored) || stored < 1) {
        await call(() => client.del(conversationKey(key)));
        return undefined;
      }
      return { key, version: stored, state: null, updatedAt: 0 };
    },
    async put(record, expectedVersion) {
      if (!Number.isInteger(record.version) || record.version <= expectedVersion) {
        throw new StoreError(`conversation ${record.key}: a write must raise the version above ${expectedVersion}, got ${record.version}`);
      }
      const args = [expectedVersion, record.version, JSON.stringify(record), idleTtlMs];
      const lock = held.get(record.key);
      if (!lock) {
        const found = await call(() => casPutScript.run(client, [conversationKey(record.key)], args));
        if (found !== -1) throw new VersionConflictError(record.key, expectedVersion, Number(found));
        return;
      }
      // Fenced by the lock token, with a deadline in the server's clock: the server time when the lock
      // was taken plus the time since (measured here; the reply's travel only makes it earlier), plus
      // half the command timeout. A write that runs later than that was already given up on here.
      const deadline = Math.floor(lock.serverMs + (performance.now() - lock.localMs) + timeoutMs / 2);
      const found = await call(() =>
        fencedPutScript.run(client, [conversationKey(record.key), lockKey(record.key)], [...args, lock.token, deadline]),
      );
      if (found === FENCE_LOCK_LOST) throw new FencedWriteError(record.key, 'the conversation lock expired or passed to another instance');
      if (found === FENCE_TOO_LATE) throw new FencedWriteError(record.key, 'the write reached Redis after its deadline');
      if (found !== -1) throw new VersionConflictError(record.key, expectedVersion, Number(found));
    },
    withLock(key, fn) {
      // One waiter per conversation in this process; instances compete for the Redis lock.
      return queue.run(key, async () => {
        const token = randomBytes(16).toString('hex');
        await acquire(key, token);
        let lost = false;
        const extender = setInterval(() => {
          extendLockScript
            .run(client, [lockKey(key)], [token, lockTtlMs])
            .then((extended) => {
              if (extended === 0 && !lost) {
                lost = true;
                // The compare-and-set write still refuses a lost update; this just says why.
                logger.warn({ conversationKey: key }, 'conversation lock expired while its turn ran');
              }
            })
            .catch(() => undefined);
        }, Math.max(10, Math.floor(lockTtlMs / 3)));
        try {
          return await fn();
        } finally {
          held.delete(key);
          clearInterval(extender);
          await unlockScript.run(client, [lockKey(key)], [token]).catch((error: unknown) => {
            logger.warn({ conversationKey: key, err: String(error) }, 'could not release a conversation lock; it expires by itself');
          });
        }
      });
    },
    async claimEvent(eventId) {
      const ok = await call(() => client.set(eventKey(eventId), '1', 'PX', eventTtlMs, 'NX'));
      return ok === 'OK';
    },
    async releaseEvent(eventId) {
      await call(() => client.del(eventKey(eventId)));
    },
    async ping() {
      await call(() => client.ping());
    },
    records(namespace) {
      checkNamespace(namespace);
      const hash = `${prefix}records:${namespace}`;
      return {
        async get(key) {
          const raw = await call(() => client.hget(hash, key));
          return raw === null ? undefined : (JSON.parse(raw) as unknown);
        },
        async set(key, value) {
          await call(() => client.hset(hash, key, JSON.stringify(value)));
        },
        async delete(key) {
          await call(() => client.hdel(hash, key));
        },
      };
    },
    async close() {
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };
}
