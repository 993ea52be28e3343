import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { JSONFile, JSONFileSync } from 'lowdb/node';
import { silentLogger, type Logger } from '../core/logger.js';
import type { ConversationRecord, ConversationStore } from '../core/ports.js';
import { StoreError, VersionConflictError } from '../core/errors.js';
import { conversationsDirOf } from './lowdb-paths.js';
import { conversationRecordSchema, describeIssue } from './conversation-record.js';
import { createKeyedQueue } from '../core/keyed-queue.js';
import { openEventLog } from './lowdb-event-log.js';
import type { AppendIo } from './append-file.js';
import { listJournals, openJournalWriter, removeFile, replayJournals, type JournalWriter } from './lowdb-journal.js';
import { openManifest, type LowdbManifest } from './lowdb-manifest.js';
import { createLruCache } from '../core/lru-cache.js';
import { moveAside } from './move-aside.js';
import { takeOwnerLock } from './owner-lock.js';
import { lowdbRecords } from './lowdb-records.js';

export interface LowdbStoreOptions {
  now?: () => number;
  logger?: Logger;
  /** Conversations kept in memory after use (least recently used dropped first). Default 5,000. */
  cacheSize?: number;
  /** How often acknowledged turns move from the journal into their conversation files. Default 200 ms. */
  flushIntervalMs?: number;
  /** Flush early once this many conversations wait in the journal. Default 2,000. */
  flushBatch?: number;
  /** How long an event id is remembered for deduplication. Default 1 hour. */
  eventTtlMs?: number;
  /** At most this many event ids are remembered. Default 10,000. */
  maxEvents?: number;
  /** The file calls of the journal and event log (tests inject short writes and failing fsyncs here). */
  io?: AppendIo;
}

export interface LowdbStore extends ConversationStore {
  /** Writes every journalled turn to its conversation file now (close() does it too). */
  flush(): Promise<void>;
  readonly manifest: LowdbManifest;
  /** The folder holding the conversation files, the journal and the event log. */
  readonly dir: string;
  /** The conversation's own lowdb file. */
  fileOf(key: string): string;
}

interface Entry {
  version: number;
  json: string;
}

/**
 * The default store for one process: `PATH` is a small lowdb manifest, and each conversation is its
 * own lowdb JSON file in `<PATH minus .json>.conversations/<2 hex>/<hash>.json`. A turn is
 * acknowledged once appended to a write-ahead journal; a background flush writes the conversation
 * file atomically (steno: temp file + rename). Opening never reads the conversations, so the cost of
 * a turn and of a start does not grow with how many are stored.
 */
export async function openLowdbStore(manifestPath: string, options: LowdbStoreOptions = {}): Promise<LowdbStore> {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger();
  const flushBatch = options.flushBatch ?? 2000;
  const file = path.resolve(manifestPath);
  const dir = conversationsDirOf(file);
  mkdirSync(dir, { recursive: true });
  const ownerLock = takeOwnerLock(path.join(dir, 'owner.lock'));

  let manifest: LowdbManifest;
  let events: ReturnType<typeof openEventLog>;
  let replayed: ReturnType<typeof replayJournals>;
  let retired: string[];
  let seq: number;
  let journal: JournalWriter;
  try {
    manifest = await openManifest(file, path.basename(dir), logger);
    events = openEventLog(path.join(dir, 'events.jsonl'), { ttlMs: options.eventTtlMs ?? 3_600_000, maxEntries: options.maxEvents ?? 10_000 }, now(), options.io);
    const journals = listJournals(dir);
    replayed = replayJournals(journals.map((j) => j.file));
    retired = journals.map((j) => j.file);
    seq = (journals.at(-1)?.seq ?? 0) + 1;
    journal = openJournalWriter(dir, seq, options.io);
  } catch (error) {
    ownerLock.release();
    throw error;
  }
  if (replayed.badLines > 0) logger.warn({ dir, badLines: replayed.badLines }, `store journal in ${dir}: skipped ${replayed.badLines} unreadable line(s)`);
  if (replayed.records.size > 0) logger.info({ dir, conversations: replayed.records.size }, 'store: recovered journalled turns from the last run');

  let dirty = new Map<string, Entry>();
  for (const [key, record] of replayed.records) dirty.set(key, { version: record.version, json: JSON.stringify(record) });
  let flushing: Map<string, Entry> | undefined;
  const cache = createLruCache<Entry>({ maxEntries: options.cacheSize ?? 5000 });
  const shards = new Set<string>();
  const queue = createKeyedQueue();
  let closed = false;

  const fileOf = (key: string) => {
    const hash = createHash('sha256').update(key).digest('hex').slice(0, 32);
    return path.join(dir, hash.slice(0, 2), `${hash}.json`);
  };

  function setAside(conversationFile: string, problem: string): void {
    try {
      const movedTo = moveAside(conversationFile);
      logger.warn({ file: conversationFile, movedTo, problem }, `store file ${conversationFile} is unreadable (${problem}); moved it to ${movedTo} and starting this conversation fresh`);
    } catch (error) {
      logger.error({ file: conversationFile, problem, err: String(error) }, `store file ${conversationFile} is unreadable (${problem}) and could not be moved aside`);
      throw new StoreError(`${conversationFile}: ${problem}`, { cause: error });
    }
  }

  function readFile(key: string): Entry | undefined {
    const conversationFile = fileOf(key);
    let raw: unknown;
    try {
      raw = new JSONFileSync<unknown>(conversationFile).read();
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      setAside(conversationFile, `invalid JSON: ${error.message}`);
      return undefined;
    }
    if (raw === null) return undefined;
    const parsed = conversationRecordSchema.safeParse(raw);
    if (!parsed.success) {
      setAside(conversationFile, describeIssue(parsed.error));
      return undefined;
    }
    if (parsed.data.key !== key) {
      setAside(conversationFile, `key: holds conversation ${JSON.stringify(parsed.data.key)}, expected ${JSON.stringify(key)}`);
      return undefined;
    }
    const entry = { version: parsed.data.version, json: JSON.stringify(parsed.data) };
    cache.set(key, entry);
    return entry;
  }

  const lookup = (key: string): Entry | undefined => dirty.get(key) ?? flushing?.get(key) ?? cache.get(key) ?? readFile(key);

  async function writeConversation(key: string, entry: Entry): Promise<void> {
    const target = fileOf(key);
    const shard = path.dirname(target);
    if (!shards.has(shard)) {
      mkdirSync(shard, { recursive: true });
      shards.add(shard);
    }
    await new JSONFile<ConversationRecord>(target).write(JSON.parse(entry.json) as ConversationRecord);
  }

  let running: Promise<void> | undefined;
  async function flushOnce(): Promise<void> {
    // New turns go to a fresh journal; the old ones are dropped once all their turns are in files.
    // Open the next journal first: if that fails, nothing has moved and the turns stay where they are.
    const next = openJournalWriter(dir, seq + 1, options.io);
    seq++;
    journal.close();
    retired.push(journal.file);
    journal = next;
    const batch = dirty;
    dirty = new Map();
    flushing = batch;
    let failed = 0;
    const entries = [...batch];
    const worker = async () => {
      for (let next = entries.pop(); next; next = entries.pop()) {
        const [key, entry] = next;
        try {
          await writeConversation(key, entry);
          if (!dirty.has(key)) cache.set(key, entry);
        } catch (error) {
          failed++;
          if (!dirty.has(key)) dirty.set(key, entry);
          if (failed === 1) logger.error({ file: fileOf(key), err: String(error) }, 'store: could not write a conversation file; its turns stay in the journal');
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    flushing = undefined;
    if (failed === 0) {
      for (const old of retired) removeFile(old);
      retired = [];
    }
  }
  function flush(): Promise<void> {
    if (!running) {
      if (dirty.size === 0 && retired.length === 0) return Promise.resolve();
      running = flushOnce().finally(() => {
        running = undefined;
      });
    }
    return running;
  }
  const flushInBackground = () => {
    flush().catch((error: unknown) => logger.error({ dir, err: String(error) }, 'store: background flush failed'));
  };
  const timer = setInterval(flushInBackground, options.flushIntervalMs ?? 200);
  timer.unref();
  if (dirty.size > 0) flushInBackground();

  const assertOpen = () => {
    if (closed) throw new StoreError(`the store ${file} is closed`);
  };

  return {
    manifest,
    dir,
    fileOf,
    async get(key) {
      assertOpen();
      const entry = lookup(key);
      return entry ? (JSON.parse(entry.json) as ConversationRecord) : undefined;
    },
    async put(record, expectedVersion) {
      assertOpen();
      const found = lookup(record.key)?.version ?? 0;
      if (found !== expectedVersion) throw new VersionConflictError(record.key, expectedVersion, found);
      if (!Number.isInteger(record.version) || record.version <= expectedVersion) {
        throw new StoreError(`conversation ${record.key}: a write must raise the version above ${expectedVersion}, got ${record.version}`);
      }
      const json = JSON.stringify(record);
      // Acknowledged from here: the whole line is on the disk. A write that did not complete throws
      // before `dirty` changes, so the turn fails and the conversation stays as it was.
      journal.append(json);
      dirty.set(record.key, { version: record.version, json });
      if (dirty.size >= flushBatch) flushInBackground();
    },
    withLock: (key, fn) => queue.run(key, fn),
    async claimEvent(eventId) {
      assertOpen();
      return events.claim(eventId, now());
    },
    async releaseEvent(eventId) {
      assertOpen();
      events.release(eventId);
    },
    async ping() {
      assertOpen();
    },
    records: (namespace) => lowdbRecords(dir, namespace, logger),
    flush: async () => {
      // Twice at most: a flush already running took only the turns journalled before it began.
      await flush();
      await flush();
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      try {
        // A background flush that failed was logged; the final flush below retries its turns.
        await running?.catch(() => undefined);
        await flush();
        if (retired.length === 0) {
          journal.close();
          removeFile(journal.file);
        }
      } finally {
        journal.close();
        events.close();
        ownerLock.release();
      }
    },
  };
}
