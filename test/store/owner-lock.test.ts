import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openLowdbStore } from '../../src/store/lowdb-store.js';
import { StoreInUseError } from '../../src/store/store-errors.js';

const fixture = fileURLToPath(new URL('./fixtures/hold-store.ts', import.meta.url));
const dir = mkdtempSync(path.join(os.tmpdir(), 'supportbot-owner-lock-'));
const storePath = path.join(dir, 's.json');
const lockFile = path.join(dir, 's.conversations', 'owner.lock');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** A real process that opens the store and holds it. */
async function holder(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, storePath], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`holder exited (${code}): ${err}`)));
  });
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('the lowdb owner lock', () => {
  it('refuses a second process while the holder lives, naming it, and lets the next start in after a SIGKILL', async () => {
    const first = await holder();
    const refused = openLowdbStore(storePath);
    await expect(refused).rejects.toBeInstanceOf(StoreInUseError);
    await expect(openLowdbStore(storePath)).rejects.toThrow(`process ${first.pid}`);

    await kill(first);
    // The killed holder's PID is still in the file. Simulate the container case, where the restarted
    // process gets the same PID as the dead one: the file names a PID that is alive (this process).
    expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(first.pid));
    writeFileSync(lockFile, `${process.pid}\n`);
    const store = await openLowdbStore(storePath);
    await store.put({ key: 'k', version: 1, state: {}, updatedAt: 1 }, 0);
    await store.close();
  }, 60_000);

  it('is held again by the next process after a restart, and refused to anyone else meanwhile', async () => {
    const second = await holder();
    await expect(openLowdbStore(storePath)).rejects.toThrow(`process ${second.pid}`);
    await kill(second);
    const third = await holder();
    await expect(openLowdbStore(storePath)).rejects.toThrow(`process ${third.pid}`);
    await kill(third);
  }, 60_000);
});
