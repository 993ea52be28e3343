import { createLruCache } from './lru-cache.js';
import type { ConversationStore } from './ports.js';

/**
 * Who drives a conversation: the person who started it. In a channel thread everyone sees the bot's
 * buttons and may type there; only the owner's messages and clicks reach the core, others get a
 * private note from the adapter (ADAPTER_LINES.notYourConversation). Staff actions (hand-back) are
 * checked by the adapter against the staff channel or role instead.
 *
 * The owner is a small record under its own key (`owner:<conversationKey>`), claimed once under
 * that key's lock, so instances sharing a store agree and a restart remembers. An owner never
 * changes, so a known one is cached. Without a store, this process remembers.
 */
export type OwnerStore = Pick<ConversationStore, 'get' | 'put' | 'withLock'>;

export interface OwnerCheck {
  allowed: boolean;
  /** The conversation's owner, when it has one. */
  owner: string | undefined;
}

export interface ConversationOwners {
  /** A typed message: the first person to write claims the conversation; later only they drive it. */
  admitMessage(conversationKey: string, userId: string, at: number): Promise<OwnerCheck>;
  /**
   * A click on one of the bot's buttons. A button belongs to a conversation that exists, so a
   * click never starts one: without an owner it is refused, unless the conversation was stored
   * before owners were kept (then the clicker claims it, as the first to write would).
   */
  admitClick(conversationKey: string, userId: string, at: number): Promise<OwnerCheck>;
  ownerOf(conversationKey: string): Promise<string | undefined>;
  /** Whether to tell `userId` again that this conversation is not theirs: once an hour at most, so typing in a thread is not nagged. */
  shouldTell(conversationKey: string, userId: string, at: number): boolean;
}

const TELL_EVERY_MS = 60 * 60 * 1000;
/**
 * A store may expire idle records (Redis: REDIS_IDLE_TTL_DAYS after the last write). The owner is
 * written once, so while the conversation goes on it is written again once a day: it must not
 * expire before the conversation it guards.
 */
const REWRITE_EVERY_MS = 24 * 60 * 60 * 1000;

interface Known {
  owner: string;
  /** When the owner record was last written. */
  writtenAt: number;
}

export function createConversationOwners(store?: OwnerStore): ConversationOwners {
  const known = createLruCache<Known>({ maxEntries: 100_000 });
  const told = createLruCache<true>({ maxEntries: 10_000, ttlMs: TELL_EVERY_MS });
  const keyOf = (conversationKey: string) => `owner:${conversationKey}`;

  async function lookUp(conversationKey: string): Promise<Known | undefined> {
    const cached = known.get(conversationKey);
    if (cached !== undefined || !store) return cached;
    const record = await store.get(keyOf(conversationKey));
    const owner = ownerIn(record?.state);
    if (owner === undefined || !record) return undefined;
    const found = { owner, writtenAt: record.updatedAt };
    known.set(conversationKey, found);
    return found;
  }

  /** Writes `userId` as the owner unless someone else was first (or, with `refresh`, writes the owner again); returns the owner. */
  async function write(conversationKey: string, userId: string, at: number, refresh = false): Promise<string> {
    if (!store) {
      const owner = known.get(conversationKey)?.owner ?? userId;
      known.set(conversationKey, { owner, writtenAt: at });
      return owner;
    }
    const key = keyOf(conversationKey);
    const owner = await store.withLock(key, async () => {
      const record = await store.get(key);
      const first = ownerIn(record?.state);
      if (first !== undefined && (!refresh || first !== userId)) return first;
      await store.put({ key, version: (record?.version ?? 0) + 1, state: { userId, at }, updatedAt: at }, record?.version ?? 0);
      return userId;
    });
    known.set(conversationKey, { owner, writtenAt: at });
    return owner;
  }

  async function check(conversationKey: string, found: Known, userId: string, at: number): Promise<OwnerCheck> {
    if (found.owner !== userId) return { allowed: false, owner: found.owner };
    if (store && at - found.writtenAt >= REWRITE_EVERY_MS) await write(conversationKey, userId, at, true);
    return { allowed: true, owner: found.owner };
  }

  return {
    ownerOf: async (conversationKey) => (await lookUp(conversationKey))?.owner,
    async admitMessage(conversationKey, userId, at) {
      const found = await lookUp(conversationKey);
      if (found) return check(conversationKey, found, userId, at);
      const owner = await write(conversationKey, userId, at);
      return { allowed: owner === userId, owner };
    },
    async admitClick(conversationKey, userId, at) {
      const found = await lookUp(conversationKey);
      if (found) return check(conversationKey, found, userId, at);
      const storedBefore = store !== undefined && (await store.get(conversationKey)) !== undefined;
      if (!storedBefore) return { allowed: false, owner: undefined };
      const owner = await write(conversationKey, userId, at);
      return { allowed: owner === userId, owner };
    },
    shouldTell(conversationKey, userId, at) {
      const key = `${conversationKey}\n${userId}`;
      if (told.get(key, at)) return false;
      told.set(key, true, at);
      return true;
    },
  };
}

function ownerIn(state: unknown): string | undefined {
  const userId = (state as { userId?: unknown } | undefined)?.userId;
  return typeof userId === 'string' && userId !== '' ? userId : undefined;
}
