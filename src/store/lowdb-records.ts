import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { JSONFile } from 'lowdb/node';
import { createKeyedQueue } from '../core/keyed-queue.js';
import type { DurableRecords } from '../core/ports.js';
import { moveAside } from './move-aside.js';
import type { Logger } from '../core/logger.js';
import { checkNamespace } from './record-namespace.js';


/**
 * Durable records of one namespace in one lowdb file (`records/<namespace>.json` beside the
 * conversations): a handful of small records (Slack installations), read once, rewritten whole and
 * atomically on each change. Readable by this user only: they may hold tokens.
 */
export function lowdbRecords(dir: string, namespace: string, logger: Logger): DurableRecords {
  checkNamespace(namespace);
  const file = path.join(dir, 'records', `${namespace}.json`);
  const adapter = new JSONFile<Record<string, unknown>>(file);
  const queue = createKeyedQueue();
  let data: Record<string, unknown> | undefined;

  async function load(): Promise<Record<string, unknown>> {
    if (data) return data;
    let raw: unknown;
    try {
      raw = await adapter.read();
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      const movedTo = moveAside(file);
      logger.warn({ file, movedTo, problem: error.message }, `store file ${file} is unreadable; moved it to ${movedTo} and starting it empty`);
      raw = null;
    }
    data = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    return data;
  }

  async function write(next: Record<string, unknown>): Promise<void> {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    await adapter.write(next);
    chmodSync(file, 0o600);
    data = next;
  }

  return {
    get: (key) => queue.run(namespace, async () => structuredClone((await load())[key])),
    set: (key, value) => queue.run(namespace, async () => write({ ...(await load()), [key]: structuredClone(value) })),
    delete: (key) =>
      queue.run(namespace, async () => {
        const { [key]: _gone, ...rest } = await load();
        await write(rest);
      }),
  };
}
