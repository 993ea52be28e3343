/**
 * Relaying a session's pending entries: the person's words into the staff thread, staff's words
 * (and "Sam has joined") into the person's conversation. One drain at a time per conversation:
 * in this process through the runner's queue (never between a turn's replies), across instances
 * through the session's lock. Each entry is marked relayed as soon as it is posted, so an entry is
 * posted once; only a crash between posting and marking could post it again.
 */
import type { ConversationRunner } from '../conversation-runner.js';
import type { Logger } from '../logger.js';
import type { StaffDesk } from './desk.js';
import { PERSON_LINES, STAFF_LINES } from './live-lines.js';
import { dueEntries, markEntry, type Entry, type Session } from './session.js';
import type { SessionStore } from './session-store.js';

export interface RelayOptions {
  sessions: SessionStore;
  desks: ReadonlyMap<string, StaffDesk>;
  runner: Pick<ConversationRunner, 'exclusive'>;
  logger: Logger;
  now: () => number;
  /** How long an entry waits before it is relayed, so one written earlier but received later by another instance can go first. */
  settleMs: number;
  /** Tries before a message that cannot be posted is given up (and staff are told). */
  maxAttempts: number;
  /** Wait before the next try, times the tries so far. */
  retryMs: number;
}

export interface Relay {
  /** Relays what is due in the conversation after `delayMs` (an earlier schedule wins). */
  schedule(conversationKey: string, delayMs: number): void;
  /** Relays everything pending now, in the conversation's order (before a hand-back, at stop). */
  flush(conversationKey: string): Promise<void>;
  /** Resolves when no relay is scheduled or running. */
  idle(): Promise<void>;
  /** Cancels the timers and relays what they were waiting for. */
  stop(): Promise<void>;
}

export function createRelay(options: RelayOptions): Relay {
  const { sessions, desks, runner, logger, now } = options;
  const timers = new Map<string, { timer: NodeJS.Timeout; at: number }>();
  const inflight = new Set<Promise<void>>();
  let stopped = false;

  function run(conversationKey: string, flush: boolean): Promise<void> {
    const work = runner
      .exclusive(conversationKey, () => drain(conversationKey, flush))
      .catch((error: unknown) => logger.warn({ conversationKey, err: String(error) }, 'live agent: relay failed; it is tried again with the next message'));
    inflight.add(work);
    void work.finally(() => inflight.delete(work));
    return work;
  }

  function schedule(conversationKey: string, delayMs: number): void {
    if (stopped) return;
    const at = now() + Math.max(0, delayMs);
    const existing = timers.get(conversationKey);
    if (existing && existing.at <= at) return;
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(() => {
      timers.delete(conversationKey);
      void run(conversationKey, false);
    }, Math.max(0, delayMs));
    timers.set(conversationKey, { timer, at });
  }

  async function post(desk: StaffDesk, session: Session, entry: Entry): Promise<void> {
    if (entry.to === 'staff') {
      if (session.thread === null) throw new Error('the staff thread is not open yet');
      const note = entry.hidden.length > 0 ? { note: STAFF_LINES.hiddenFromStaff(entry.hidden) } : {};
      await desk.postToStaffThread(session.thread, { kind: 'person', userId: entry.userId, text: entry.text, ...note });
      return;
    }
    const delivery = desk.personDelivery(session.conversationKey);
    if (!delivery) throw new Error(`no way to reach conversation ${session.conversationKey}`);
    const name = entry.name ?? 'Support';
    const text = entry.kind === 'joined' ? PERSON_LINES.joined(name) : PERSON_LINES.staffSaid(name, entry.text);
    await delivery.deliver([{ text, buttons: [], citations: [] }]);
  }

  async function drain(conversationKey: string, flush: boolean): Promise<void> {
    await sessions.locked(conversationKey, async (tx) => {
      let session = tx.session;
      const desk = session ? desks.get(session.platform) : undefined;
      // No desk for this platform here: an instance that has one relays it.
      if (!session || !desk) return;
      const { entries, wakeAt } = dueEntries(session, now(), options.settleMs, flush);
      for (const entry of entries) {
        let failure: unknown;
        try {
          await post(desk, session, entry);
        } catch (error) {
          failure = error;
        }
        if (failure === undefined) {
          session = markEntry(session, entry.seq, 'delivered');
          await tx.save(session);
          continue;
        }
        const gaveUp = entry.attempts + 1 >= options.maxAttempts;
        session = markEntry(session, entry.seq, gaveUp ? 'failed' : 'pending');
        await tx.save(session);
        logger.warn({ conversationKey, to: entry.to, attempts: entry.attempts + 1, err: String(failure) }, gaveUp ? 'live agent: gave up relaying a message' : 'live agent: could not relay a message; trying again');
        if (!gaveUp) {
          schedule(conversationKey, options.retryMs * (entry.attempts + 1));
          return;
        }
        if (entry.to === 'person' && session.thread !== null) {
          await desk.postToStaffThread(session.thread, { kind: 'notice', text: STAFF_LINES.deliveryFailed }).catch(() => undefined);
        }
      }
      if (wakeAt !== undefined) schedule(conversationKey, wakeAt - now());
    });
  }

  return {
    schedule,
    flush: (conversationKey) => run(conversationKey, true),
    async idle() {
      while (inflight.size > 0 || timers.size > 0) {
        if (inflight.size > 0) await Promise.allSettled([...inflight]);
        else await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    async stop() {
      stopped = true;
      const waiting = [...timers.keys()];
      for (const { timer } of timers.values()) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...inflight, ...waiting.map((key) => run(key, true))]);
    },
  };
}
