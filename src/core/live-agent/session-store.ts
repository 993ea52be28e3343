/**
 * Live-agent sessions in the conversation store, beside the conversations they belong to, so every
 * instance sharing the store (Redis) sees the same owner, the same relay log and the same deadlines:
 *   live:<conversationKey>            the session (versioned: every write is a compare-and-set)
 *   live-thread:<platform>:<thread>   which conversation a staff thread belongs to
 *   live-deadlines                    conversations waiting for a claim, with their deadline
 * Each is written under its own lock and with a versioned put, so two instances can never both
 * claim, both end or both time out a session (Redis: a lock with SET NX and a compare-and-set Lua
 * script; memory and lowdb: this process's queue).
 */
import { z } from 'zod';
import type { Logger } from '../logger.js';
import type { ConversationStore } from '../ports.js';
import { parseSession, type Session } from './session.js';

export interface SessionTx {
  /** The session as stored (undefined when there is none, or it could not be read). */
  readonly session: Session | undefined;
  /** Writes the session (compare-and-set on the version read). */
  save(session: Session): Promise<void>;
}

export interface SessionStore {
  /** The session without taking its lock (a read that may be a moment old). */
  peek(conversationKey: string): Promise<Session | undefined>;
  /** Runs `work` holding the session's lock: reads, decisions and writes of one change together. */
  locked<T>(conversationKey: string, work: (tx: SessionTx) => Promise<T>): Promise<T>;
  findByThread(platform: string, thread: string): Promise<string | undefined>;
  rememberThread(platform: string, thread: string, conversationKey: string, at: number): Promise<void>;
  addDeadline(conversationKey: string, at: number, now: number): Promise<void>;
  removeDeadline(conversationKey: string, now: number): Promise<void>;
  /** Conversations whose claim deadline has passed. */
  due(now: number): Promise<string[]>;
}

const sessionKey = (conversationKey: string) => `live:${conversationKey}`;
const threadKey = (platform: string, thread: string) => `live-thread:${platform}:${thread}`;
const DEADLINES = 'live-deadlines';

const threadIndexSchema = z.object({ conversationKey: z.string().min(1) });
const deadlinesSchema = z.object({ due: z.array(z.object({ key: z.string().min(1), at: z.number() })) });

export function createSessionStore(store: ConversationStore, logger: Logger, now: () => number = Date.now): SessionStore {
  function read(key: string, raw: unknown): Session | undefined {
    if (raw === undefined || raw === null) return undefined;
    const session = parseSession(raw);
    // An unreadable session must not trap the person: it counts as none (the bot stays in charge).
    if (!session) logger.warn({ key }, 'live agent: stored session unreadable; ignored');
    return session;
  }

  async function writeIndex<T>(key: string, schema: z.ZodType<T>, fallback: T, change: (value: T) => T | undefined, now: number): Promise<void> {
    await store.withLock(key, async () => {
      const record = await store.get(key);
      const parsed = schema.safeParse(record?.state);
      const next = change(parsed.success ? parsed.data : fallback);
      if (next === undefined) return;
      const version = record?.version ?? 0;
      await store.put({ key, version: version + 1, state: next, updatedAt: now }, version);
    });
  }

  return {
    async peek(conversationKey) {
      const key = sessionKey(conversationKey);
      return read(key, (await store.get(key))?.state);
    },
    locked(conversationKey, work) {
      const key = sessionKey(conversationKey);
      return store.withLock(key, async () => {
        const record = await store.get(key);
        let version = record?.version ?? 0;
        const tx = {
          session: read(key, record?.state),
          async save(session: Session) {
            await store.put({ key, version: version + 1, state: session, updatedAt: now() }, version);
            version += 1;
            tx.session = session;
          },
        };
        return work(tx);
      });
    },
    async findByThread(platform, thread) {
      const parsed = threadIndexSchema.safeParse((await store.get(threadKey(platform, thread)))?.state);
      return parsed.success ? parsed.data.conversationKey : undefined;
    },
    async rememberThread(platform, thread, conversationKey, at) {
      await writeIndex(threadKey(platform, thread), threadIndexSchema, { conversationKey }, () => ({ conversationKey }), at);
    },
    async addDeadline(conversationKey, at, now) {
      await writeIndex(DEADLINES, deadlinesSchema, { due: [] }, (d) => ({ due: [...d.due.filter((e) => e.key !== conversationKey), { key: conversationKey, at }] }), now);
    },
    async removeDeadline(conversationKey, now) {
      await writeIndex(DEADLINES, deadlinesSchema, { due: [] }, (d) => (d.due.some((e) => e.key === conversationKey) ? { due: d.due.filter((e) => e.key !== conversationKey) } : undefined), now);
    },
    async due(now) {
      const parsed = deadlinesSchema.safeParse((await store.get(DEADLINES))?.state);
      return parsed.success ? parsed.data.due.filter((e) => e.at <= now).map((e) => e.key) : [];
    },
  };
}
