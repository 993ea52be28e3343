import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { conversationRecordSchema } from '../../src/store/conversation-record.js';
import { lowdbManifestSchema } from '../../src/store/lowdb-manifest.js';
import { openLowdbStore } from '../../src/store/lowdb-store.js';
import { spawnChat, type ChatProcess } from './chat-process.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'supportbot-crash-'));
const storePath = path.join(dir, 's.json');
const chats: ChatProcess[] = [];
afterAll(() => {
  for (const p of chats) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const CONVERSATIONS = 8;
const texts = ['my card was declined', 'visa', 'it says insufficient funds', 'hello', 'how do I link my card', 'thanks', 'what are the fees', 'help'];

/** A burst of turns spread over the conversations; returns how many of each were acknowledged before the kill. */
async function burstAndKill(turns: number, killAfter: number, round: number): Promise<number[]> {
  const chat = spawnChat(['--store', storePath], { LOG_LEVEL: 'error' });
  chats.push(chat);
  const inputs = Array.from({ length: turns }, (_, i) => ({
    user: `u${i % CONVERSATIONS}`,
    conversation: `c${i % CONVERSATIONS}`,
    text: texts[(i + round) % texts.length] ?? 'hi',
  }));
  chat.write(inputs);
  await chat.waitFor(killAfter);
  const exited = new Promise((resolve) => chat.child.once('exit', resolve));
  chat.child.kill('SIGKILL');
  await exited;
  // Output line i answers input line i: those are the turns the bot acknowledged.
  const acked = Array<number>(CONVERSATIONS).fill(0);
  chat.outputs.forEach((out, i) => {
    expect(out.error).toBeUndefined();
    acked[i % CONVERSATIONS] = (acked[i % CONVERSATIONS] ?? 0) + 1;
  });
  expect(chat.outputs.length).toBeLessThan(turns);
  return acked;
}

/** Every file of the store is valid: the manifest and each conversation file pass their schemas. */
function assertValidFiles(): number {
  expect(lowdbManifestSchema.safeParse(JSON.parse(readFileSync(storePath, 'utf8'))).success).toBe(true);
  const conversations = path.join(dir, 's.conversations');
  let files = 0;
  for (const shard of readdirSync(conversations, { withFileTypes: true })) {
    if (!shard.isDirectory()) continue;
    for (const name of readdirSync(path.join(conversations, shard.name))) {
      if (!name.endsWith('.json') || name.startsWith('.')) continue;
      const parsed = conversationRecordSchema.safeParse(JSON.parse(readFileSync(path.join(conversations, shard.name, name), 'utf8')));
      expect(parsed.success, name).toBe(true);
      files++;
    }
  }
  return files;
}

describe('the lowdb store under SIGKILL', () => {
  it('restarts after a kill in the middle of a burst with every acknowledged turn stored', async () => {
    const total = Array<number>(CONVERSATIONS).fill(0);
    for (const [round, killAfter] of [120, 60].entries()) {
      const acked = await burstAndKill(300, killAfter, round);
      acked.forEach((n, i) => (total[i] = (total[i] ?? 0) + n));
      assertValidFiles();
      // Read back the way the next start does (files, then the journal of the killed run).
      const store = await openLowdbStore(storePath);
      for (let c = 0; c < CONVERSATIONS; c++) {
        const record = await store.get(`cli:c${c}`);
        expect(record?.version ?? 0, `conversation c${c} after round ${round}`).toBeGreaterThanOrEqual(total[c] ?? 0);
        // Never more than was sent; the killed run may have stored a turn it had not yet printed.
        expect(record?.version ?? 0).toBeLessThanOrEqual((total[c] ?? 0) + 300 / CONVERSATIONS);
        total[c] = record?.version ?? 0;
      }
      await store.close();
    }
    // After the last clean close every conversation is in its own file.
    expect(assertValidFiles()).toBe(CONVERSATIONS);
    const chat = spawnChat(['--store', storePath], { LOG_LEVEL: 'error' });
    chats.push(chat);
    const out = await chat.send({ user: 'u0', conversation: 'c0', text: 'hello' });
    expect(out.error).toBeUndefined();
    expect(await chat.end()).toBe(0);
    const store = await openLowdbStore(storePath);
    expect((await store.get('cli:c0'))?.version).toBe((total[0] ?? 0) + 1);
    await store.close();
  }, 240_000);
});
