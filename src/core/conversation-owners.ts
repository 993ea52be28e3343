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

export function createConversationOwners(store?: OwnerStore): ConversationOwners {
  const known = createLruCache<string>({ maxEntries: 100_000 });
  const told = createLruCache<true>({ maxEntries: 10_000, ttlMs: TELL_EVERY_MS });
  const keyOf = (conversationKey: string) => `owner:${conversationKey}`;

  async function ownerOf(conversationKey: string): Promise<string | undefined> {
    const cached = known.get(conversationKey);
    if (cached !== undefined || !store) return cached;
    const owner = ownerIn((await store.get(keyOf(conversationKey)))?.state);
    if (owner !== undefined) known.set(conversationKey, owner);
    return owner;
  }

  /** Records `userId` as the owner unless someone was first; returns the owner. */
  async function claim(conversationKey: string, userId: string, at: number): Promise<string> {
    if (!store) {
      const owner = known.get(conversationKey) ?? userId;
      known.set(conversationKey, owner);
      return owner;
    }
    const key = keyOf(conversationKey);
    const owner = await store.withLock(key, async () => {
      const record = await store.get(key);
      const first = ownerIn(record?.state);
      if (first !== undefined) return first;
      await store.put({ key, version: (record?.version ?? 0) + 1, state: { userId, at }, updatedAt: at }, record?.version ?? 0);
      return userId;
    });
    known.set(conversationKey, owner);
    return owner;
  }

  const check = (owner: string, userId: string): OwnerCheck => ({ allowed: owner === userId, owner });

  return {
    ownerOf,
    async admitMessage(conversationKey, userId, at) {
      const owner = (await ownerOf(conversationKey)) ?? (await claim(conversationKey, userId, at));
      return check(owner, userId);
    },
    async admitClick(conversationKey, userId, at) {
      const owner = await ownerOf(conversationKey);
      if (owner !== undefined) return check(owner, userId);
      const storedBefore = store !== undefined && (await store.get(conversationKey)) !== undefined;
      return storedBefore ? check(await claim(conversationKey, userId, at), userId) : { allowed: false, owner: undefined };
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
