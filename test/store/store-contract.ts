import { expect, it } from 'vitest';
import { StoreError, VersionConflictError } from '../../src/core/errors.js';
import type { ConversationStore } from '../../src/core/ports.js';

/**
 * What every ConversationStore promises (src/core/ports.ts). Each store's test file runs these
 * against a real instance: memory, lowdb on real files, Redis on a real server.
 */
export function storeContract(open: () => Promise<ConversationStore>, kind: { persistent: boolean } = { persistent: true }): void {
  let n = 0;
  const key = () => `contract:${process.pid}:${Date.now()}:${n++}`;

  it('returns nothing for a conversation it never stored', async () => {
    const store = await open();
    expect(await store.get(key())).toBeUndefined();
    await store.close();
  });

  it('gives back what was put, as a copy', async () => {
    const store = await open();
    const k = key();
    const record = { key: k, version: 1, state: { flow: 'link_card', step: 'ask_network', slots: { n: [1, 2] } }, updatedAt: 5 };
    await store.put(record, 0);
    const got = await store.get(k);
    expect(got).toEqual(record);
    (got?.state as { flow: string }).flow = 'changed';
    expect((await store.get(k))?.state).toEqual(record.state);
    await store.close();
  });

  it('refuses a write based on an old version with a VersionConflictError naming both versions', async () => {
    const store = await open();
    const k = key();
    await store.put({ key: k, version: 1, state: 1, updatedAt: 1 }, 0);
    await store.put({ key: k, version: 2, state: 2, updatedAt: 2 }, 1);
    const stale = store.put({ key: k, version: 2, state: 'lost', updatedAt: 3 }, 1);
    await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
    await expect(stale).rejects.toMatchObject({ conversationKey: k, expected: 1, found: 2 });
    await expect(store.put({ key: k, version: 1, state: 'new?', updatedAt: 3 }, 0)).rejects.toBeInstanceOf(VersionConflictError);
    expect((await store.get(k))?.state).toBe(2);
    await store.close();
  });

  it('refuses a write that does not raise the version, and keeps what was stored', async () => {
    const store = await open();
    const k = key();
    await expect(store.put({ key: k, version: 0, state: 'zero', updatedAt: 1 }, 0)).rejects.toBeInstanceOf(StoreError);
    await store.put({ key: k, version: 1, state: 'one', updatedAt: 1 }, 0);
    for (const version of [1, 0, -1, 1.5]) {
      await expect(store.put({ key: k, version, state: 'same', updatedAt: 2 }, 1), `version ${version}`).rejects.toThrow(/must raise the version above 1/);
    }
    expect(await store.get(k)).toMatchObject({ version: 1, state: 'one' });
    await store.close();
  });

  it('claims an event id once', async () => {
    const store = await open();
    const id = `ev-${key()}`;
    expect(await store.claimEvent(id)).toBe(true);
    expect(await store.claimEvent(id)).toBe(false);
    expect(await store.claimEvent(`${id}-other`)).toBe(true);
    await store.close();
  });

  it('runs the turns of one conversation one at a time, in order, and loses none', async () => {
    const store = await open();
    const k = key();
    const order: number[] = [];
    let inside = 0;
    const turns = Array.from({ length: 25 }, (_, i) =>
      store.withLock(k, async () => {
        inside++;
        expect(inside).toBe(1);
        const current = await store.get(k);
        await new Promise((r) => setTimeout(r, 1));
        const version = current?.version ?? 0;
        await store.put({ key: k, version: version + 1, state: [...((current?.state as number[]) ?? []), i], updatedAt: i }, version);
        order.push(i);
        inside--;
      }),
    );
    await Promise.all(turns);
    expect(order).toEqual([...Array(25).keys()]);
    expect(await store.get(k)).toMatchObject({ version: 25, state: [...Array(25).keys()] });
    await store.close();
  });

  it('lets different conversations proceed side by side', async () => {
    const store = await open();
    const [a, b] = [key(), key()];
    let release!: () => void;
    const held = store.withLock(a, () => new Promise<void>((r) => (release = r)));
    const other = await store.withLock(b, async () => 'b ran');
    expect(other).toBe('b ran');
    release();
    await held;
    await store.close();
  });

  it('passes on what the locked function returns or throws, and frees the lock either way', async () => {
    const store = await open();
    const k = key();
    await expect(store.withLock(k, async () => 42)).resolves.toBe(42);
    await expect(store.withLock(k, async () => Promise.reject(new Error('inside')))).rejects.toThrow('inside');
    await expect(store.withLock(k, async () => 'again')).resolves.toBe('again');
    await store.close();
  });

  it('forgets a released event id, so a refused event can be retried, and keeps every other', async () => {
    const store = await open();
    const refused = `${key()}:refused`;
    const answered = `${key()}:answered`;
    expect(await store.claimEvent(answered)).toBe(true);
    expect(await store.claimEvent(refused)).toBe(true);
    await store.releaseEvent?.(refused);
    expect(await store.claimEvent(refused)).toBe(true);
    expect(await store.claimEvent(refused)).toBe(false);
    expect(await store.claimEvent(answered)).toBe(false);
    await store.close();
  });

  it('answers a ping while open', async () => {
    const store = await open();
    await expect(store.ping?.()).resolves.toBeUndefined();
    await store.close();
  });

  it(`keeps durable records by namespace, as copies${kind.persistent ? ', across a reopen,' : ''} and forgets a deleted one`, async () => {
    const ns = `contract-${process.pid}-${n++}`;
    const first = await open();
    const records = first.records?.(ns);
    expect(records, 'the store keeps durable records').toBeDefined();
    const value = { team: 'T1', token: 'xoxb-1', scopes: ['chat:write'] };
    await records!.set('T1', value);
    await records!.set('T2', { team: 'T2' });
    await first.records!('other-namespace').set('T1', 'elsewhere');
    const got = (await records!.get('T1')) as typeof value;
    expect(got).toEqual(value);
    got.scopes.push('changed');
    expect(await records!.get('T1')).toEqual(value);
    await records!.delete('T2');
    if (!kind.persistent) expect(await records!.get('T2')).toBeUndefined();
    await first.close();
    if (!kind.persistent) return;
    const second = await open();
    expect(await second.records!(ns).get('T1')).toEqual(value);
    expect(await second.records!(ns).get('T2')).toBeUndefined();
    expect(() => second.records!('../escape')).toThrow(StoreError);
    await second.close();
  });
}
