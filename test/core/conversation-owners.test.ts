import { describe, expect, it } from 'vitest';
import { createConversationOwners } from '../../src/core/conversation-owners.js';
import { createMemoryStore } from '../../src/store/memory-store.js';

describe('conversation owners', () => {
  it('gives a conversation to the first person who writes, and only they drive it after', async () => {
    const owners = createConversationOwners(createMemoryStore());
    expect(await owners.admitMessage('c1', 'alice', 1)).toEqual({ allowed: true, owner: 'alice' });
    expect(await owners.admitMessage('c1', 'bob', 2)).toEqual({ allowed: false, owner: 'alice' });
    expect(await owners.admitClick('c1', 'bob', 3)).toEqual({ allowed: false, owner: 'alice' });
    expect(await owners.admitClick('c1', 'alice', 4)).toEqual({ allowed: true, owner: 'alice' });
  });

  it('never lets a click start a conversation, except one stored before owners were kept', async () => {
    const store = createMemoryStore();
    const owners = createConversationOwners(store);
    expect(await owners.admitClick('fresh', 'bob', 1)).toEqual({ allowed: false, owner: undefined });
    await store.put({ key: 'older', version: 1, state: {}, updatedAt: 1 }, 0);
    expect(await owners.admitClick('older', 'alice', 2)).toEqual({ allowed: true, owner: 'alice' });
    expect(await owners.admitClick('older', 'bob', 3)).toEqual({ allowed: false, owner: 'alice' });
  });

  it('agrees across instances sharing a store, even when two claim at once', async () => {
    const store = createMemoryStore();
    const [one, two] = [createConversationOwners(store), createConversationOwners(store)];
    const [a, b] = await Promise.all([one.admitMessage('c', 'alice', 1), two.admitMessage('c', 'bob', 1)]);
    expect([a.owner, b.owner]).toEqual([a.owner, a.owner]);
    expect([a.allowed, b.allowed].filter(Boolean)).toHaveLength(1);
    expect(await createConversationOwners(store).ownerOf('c')).toBe(a.owner);
  });

  it('writes the owner again once a day while the conversation goes on, so an idle-expiring store keeps it', async () => {
    const store = createMemoryStore();
    const owners = createConversationOwners(store);
    const day = 24 * 60 * 60 * 1000;
    await owners.admitMessage('c', 'alice', 0);
    await owners.admitMessage('c', 'alice', day / 2);
    expect(await store.get('owner:c')).toMatchObject({ version: 1, updatedAt: 0 });
    await owners.admitClick('c', 'alice', day + 1);
    expect(await store.get('owner:c')).toMatchObject({ version: 2, updatedAt: day + 1, state: { userId: 'alice' } });
    await owners.admitMessage('c', 'bob', 3 * day);
    expect(await store.get('owner:c')).toMatchObject({ version: 2 });
  });

  it('tells someone at most once an hour that a conversation is not theirs', () => {
    const owners = createConversationOwners();
    expect(owners.shouldTell('c', 'bob', 0)).toBe(true);
    expect(owners.shouldTell('c', 'bob', 59 * 60_000)).toBe(false);
    expect(owners.shouldTell('c', 'carol', 1)).toBe(true);
    expect(owners.shouldTell('c', 'bob', 61 * 60_000)).toBe(true);
  });
});
