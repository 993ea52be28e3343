/**
 * The live agent: staff talk to the person through the bot, from a thread on the handoff summary.
 * Adapters stay transport: they hand staff messages and clicks in (fromStaff, act), implement a
 * StaffDesk to post, and use `open` as their notifyStaff. Everything else is decided here: who
 * owns a conversation, what is relayed and when, hand-back, close and the claim timeout, with
 * every word through the privacy guard and every change a compare-and-set in the shared store.
 */
import { randomBytes } from 'node:crypto';
import type { ConversationRunner, RunnerStage } from '../conversation-runner.js';
import { silentLogger, type Logger } from '../logger.js';
import type { ConversationStore, PrivacyGuard } from '../ports.js';
import type { HandoffSummary, Platform } from '../types.js';
import type { StaffDesk } from './desk.js';
import { expire, expireNow, finish, type EndingParts } from './endings.js';
import { REFUSALS, STAFF_LINES } from './live-lines.js';
import { createRelay, type Relay } from './relay.js';
import { claim, isOpen, newSession, personSaid, staffSaid, viewOf, type Actor, type Session } from './session.js';
import { createSessionStore, type SessionStore } from './session-store.js';
import { cleanStaffText, redactStaffText, type StaffAction, type StaffMessage, type StaffOutcome } from './staff-input.js';

/** What the live agent did, for transcripts and metrics; text is already redacted. */
export type LiveRecord =
  | { kind: 'opened' | 'expired'; conversationKey: string; platform: Platform }
  | { kind: 'claimed' | 'handed_back' | 'closed'; conversationKey: string; platform: Platform; name: string }
  | { kind: 'staff_said'; conversationKey: string; platform: Platform; name: string; text: string };

export interface LiveAgentOptions {
  runner: ConversationRunner;
  store: ConversationStore;
  privacy: PrivacyGuard;
  logger?: Logger;
  now?: () => number;
  /** Nobody claimed within this: the person is told and offered other ways (null: wait for ever). Default 15 minutes. */
  claimTimeoutMs?: number | null;
  /** See RelayOptions.settleMs (default 250 ms; 0 in replays with a fixed clock). */
  relaySettleMs?: number;
  /** Wait before trying a failed relay again, times the tries so far (default 1 s; three tries). */
  relayRetryMs?: number;
  /** How often each instance looks for sessions past their claim deadline (default: a quarter of the timeout, 5 s at most). */
  pollMs?: number;
  onRecord?: (record: LiveRecord) => void;
}

export interface LiveAgent {
  /** Makes a platform's staff side known (adapters call it when they start); returns the detach. */
  attach(desk: StaffDesk): () => void;
  /** A turn handed the conversation over: the summary and its staff thread (an adapter's notifyStaff). */
  open(summary: HandoffSummary): Promise<boolean>;
  /** A staff member wrote in a staff thread. */
  fromStaff(message: StaffMessage): Promise<StaffOutcome>;
  /** A staff member pressed Claim, Hand back (with its note) or Close. */
  act(action: StaffAction): Promise<StaffOutcome>;
  /** Whether the action would be accepted now (before asking for a hand-back note). */
  check(action: Omit<StaffAction, 'eventId' | 'note'>): Promise<StaffOutcome>;
  /** Runs the claim timeouts that are due (the poller calls it; tests may too). */
  tick(): Promise<void>;
  /** The runner stage that relays the person's messages to staff (registered with the runner on creation). */
  readonly stage: RunnerStage;
  start(): void;
  /** Stops the poller and relays what is pending. */
  stop(): Promise<void>;
  /** Resolves when nothing is waiting to be relayed. */
  idle(): Promise<void>;
}

export const DEFAULT_CLAIM_TIMEOUT_MS = 15 * 60_000;
const OK: StaffOutcome = { ok: true };

export function createLiveAgent(options: LiveAgentOptions): LiveAgent {
  const { runner, store, privacy } = options;
  const logger = options.logger ?? silentLogger();
  const now = options.now ?? Date.now;
  const claimTimeoutMs = options.claimTimeoutMs === undefined ? DEFAULT_CLAIM_TIMEOUT_MS : options.claimTimeoutMs;
  const settleMs = options.relaySettleMs ?? 250;
  const pollMs = options.pollMs ?? Math.max(50, Math.min(5000, Math.floor((claimTimeoutMs ?? 20_000) / 4)));
  const desks = new Map<string, StaffDesk>();
  const sessions: SessionStore = createSessionStore(store, logger, now);
  const relay: Relay = createRelay({ sessions, desks, runner, logger, now, settleMs, maxAttempts: 3, retryMs: options.relayRetryMs ?? 1000 });
  const record = (r: LiveRecord) => {
    runner.events.emit('live', { event: r.kind, platform: r.platform, conversationKey: r.conversationKey });
    try {
      options.onRecord?.(r);
    } catch (error) {
      logger.warn({ err: String(error) }, 'live agent: a record listener failed');
    }
  };
  let poller: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;
  const background = new Set<Promise<void>>();
  const parts: EndingParts = { runner, sessions, relay, desks, privacy, logger, now, claimTimeoutMs, record };

  /** The desk, the session's conversation and the staff member, once checked; or what to tell them. */
  async function admit(platform: Platform, thread: string, userId: string): Promise<{ desk: StaffDesk; key: string } | StaffOutcome> {
    const desk = desks.get(platform);
    const key = desk ? await sessions.findByThread(platform, thread) : undefined;
    if (!desk || !key) return { ok: false, text: REFUSALS.noSession };
    if (!(await desk.isStaff(thread, userId))) {
      logger.warn({ platform, conversationKey: key, userId }, 'live agent: refused a staff action from someone who is not support staff');
      return { ok: false, text: REFUSALS.notStaff(desk.teamName(thread)) };
    }
    return { desk, key };
  }

  async function actor(desk: StaffDesk, thread: string, userId: string): Promise<Actor> {
    return { id: userId, name: await desk.displayName(thread, userId).catch(() => 'Support') };
  }

  /** After a claim: the deadline is gone, everyone sees who owns it, the person is told (through the relay). */
  async function announceClaim(desk: StaffDesk, session: Session, who: Actor): Promise<void> {
    await sessions.removeDeadline(session.conversationKey, now());
    if (session.thread !== null) {
      await desk.showStatus(session.thread, session.summary, viewOf(session)).catch((e: unknown) => logger.warn({ err: String(e) }, 'live agent: could not update the summary'));
      await desk.postToStaffThread(session.thread, { kind: 'notice', text: STAFF_LINES.claimed(who.name) }).catch(() => undefined);
    }
    relay.schedule(session.conversationKey, settleMs);
    record({ kind: 'claimed', conversationKey: session.conversationKey, platform: session.platform, name: who.name });
  }

  const stage: RunnerStage = {
    name: 'live-agent',
    async afterDeliver({ turn, result }) {
      // The person's typed words while staff have the conversation; not the handoff request itself.
      if (turn.kind !== 'text' || result.duplicate || result.rateLimited || result.handoff || result.errorRef || !desks.has(turn.platform)) return;
      const text = result.redactedText;
      if (text === undefined || text.trim() === '') return;
      const peeked = await sessions.peek(turn.conversationKey);
      if (!peeked || !isOpen(peeked)) return;
      const at = now();
      // In the order the person wrote: when the adapter received each message (another instance may be slower).
      const order = { ms: turn.receivedAt ?? at, tie: '' };
      const added = await sessions.locked(turn.conversationKey, async (tx) => {
        if (!tx.session || !isOpen(tx.session)) return false;
        await tx.save(personSaid(tx.session, turn.userId, { text, hidden: result.redactions, order, at }));
        return true;
      });
      if (added) relay.schedule(turn.conversationKey, settleMs);
    },
  };

  const unuse = runner.use(stage);

  return {
    stage,
    attach(desk) {
      desks.set(desk.platform, desk);
      return () => {
        if (desks.get(desk.platform) === desk) desks.delete(desk.platform);
      };
    },
    async open(summary) {
      const desk = desks.get(summary.platform);
      if (!desk) return false;
      const key = summary.conversationKey;
      const fresh = newSession(randomBytes(8).toString('hex'), summary, now(), claimTimeoutMs);
      const created = await sessions.locked(key, async (tx) => {
        if (tx.session && isOpen(tx.session)) return false;
        await tx.save(fresh);
        return true;
      });
      if (!created) return true;
      // The deadline first: if the summary cannot be posted, the timeout still frees the person.
      if (fresh.deadline !== null) await sessions.addDeadline(key, fresh.deadline, now());
      const thread = await desk.openStaffThread(summary, viewOf(fresh));
      if (thread === undefined) {
        // Nowhere to post (the desk logged which setting is missing). Not from inside this turn's
        // queue: the ending is a turn of the same conversation, so it runs right after this one.
        const ending = (async () => {
          await new Promise((resolve) => setImmediate(resolve));
          await expireNow(parts, desk, key, fresh.id);
        })().catch((error: unknown) => logger.warn({ conversationKey: key, err: String(error) }, 'live agent: could not give the conversation back to the bot'));
        background.add(ending);
        void ending.finally(() => background.delete(ending));
        return false;
      }
      await sessions.rememberThread(summary.platform, thread, key, now());
      await sessions.locked(key, async (tx) => {
        if (tx.session?.id === fresh.id) await tx.save({ ...tx.session, thread });
      });
      await desk.postToStaffThread(thread, { kind: 'notice', text: STAFF_LINES.intro(claimTimeoutMs) }).catch((e: unknown) => logger.warn({ err: String(e) }, 'live agent: could not post in the staff thread'));
      relay.schedule(key, 0);
      record({ kind: 'opened', conversationKey: key, platform: summary.platform });
      return true;
    },
    async fromStaff(message) {
      const eventId = `live:msg:${message.platform}:${message.messageId}`;
      if (!(await store.claimEvent(eventId))) return OK;
      let saved = false;
      try {
        const desk = desks.get(message.platform);
        // Threads in the staff channel that are not live conversations are staff's own business.
        if (!desk || !(await sessions.findByThread(message.platform, message.thread))) return OK;
        const admitted = await admit(message.platform, message.thread, message.userId);
        if (!('key' in admitted)) return admitted;
        const { key } = admitted;
        const cleaned = cleanStaffText(message.text);
        if (cleaned === '' || cleaned.startsWith('//')) return OK;
        const at = now();
        const said = redactStaffText(privacy, `staff:${message.platform}:${message.thread}`, message.messageId, cleaned, at);
        const who = await actor(desk, message.thread, message.userId);
        const outcome = await sessions.locked(key, async (tx) => {
          const s = tx.session;
          if (!s) return { kind: 'none' as const };
          if (!isOpen(s)) return { kind: 'ended' as const, session: s };
          const claimed = s.owner === null ? claim(s, who, at, message.order).session : s;
          if (claimed.owner?.id !== who.id) return { kind: 'owned' as const, owner: claimed.owner };
          const next = staffSaid(claimed, who, { text: said.text, hidden: said.hidden, order: message.order, at });
          await tx.save(next);
          saved = true;
          return { kind: 'sent' as const, session: next, claimed: s.owner === null };
        });
        if (outcome.kind === 'none') return { ok: false, text: REFUSALS.noSession };
        if (outcome.kind === 'ended') return { ok: false, text: REFUSALS.ended(outcome.session.status) };
        if (outcome.kind === 'owned') return { ok: false, text: REFUSALS.ownedBy(outcome.owner?.name ?? 'Someone') };
        if (outcome.claimed) await announceClaim(desk, outcome.session, who);
        relay.schedule(key, settleMs);
        record({ kind: 'staff_said', conversationKey: key, platform: message.platform, name: who.name, text: said.text });
        return said.hidden.length > 0 ? { ok: true, text: STAFF_LINES.hiddenFromPerson(said.hidden) } : OK;
      } catch (error) {
        // Not relayed: a retry of this message may try again.
        if (!saved) await Promise.resolve(store.releaseEvent?.(eventId)).catch(() => undefined);
        logger.error({ platform: message.platform, err: String(error) }, 'live agent: a staff message could not be handled');
        return { ok: false, text: REFUSALS.unavailable };
      }
    },
    async act(action) {
      if (!(await store.claimEvent(`live:act:${action.eventId}`))) return OK;
      try {
        const admitted = await admit(action.platform, action.thread, action.userId);
        if (!('key' in admitted)) return admitted;
        const { desk, key } = admitted;
        const who = await actor(desk, action.thread, action.userId);
        if (action.verb !== 'claim') return await finish(parts, desk, key, who, action.verb, action.note, action.eventId);
        const at = now();
        const outcome = await sessions.locked(key, async (tx) => {
          if (!tx.session) return undefined;
          const claimed = claim(tx.session, who, at, { ms: at, tie: '' });
          if (claimed.outcome.kind === 'claimed') await tx.save(claimed.session);
          return { ...claimed.outcome, session: claimed.session };
        });
        if (!outcome) return { ok: false, text: REFUSALS.noSession };
        switch (outcome.kind) {
          case 'claimed':
            await announceClaim(desk, outcome.session, who);
            return OK;
          case 'already_yours':
            return { ok: true, text: REFUSALS.alreadyYours };
          case 'owned':
            return { ok: false, text: REFUSALS.claimedBy(outcome.owner.name) };
          case 'ended':
            return { ok: false, text: REFUSALS.ended(outcome.session.status) };
        }
      } catch (error) {
        logger.error({ platform: action.platform, verb: action.verb, err: String(error) }, 'live agent: a staff action could not be handled');
        return { ok: false, text: REFUSALS.unavailable };
      }
    },
    async check(action) {
      const admitted = await admit(action.platform, action.thread, action.userId);
      if (!('key' in admitted)) return admitted;
      const session = await sessions.peek(admitted.key);
      if (!session) return { ok: false, text: REFUSALS.noSession };
      return isOpen(session) ? OK : { ok: false, text: REFUSALS.ended(session.status) };
    },
    tick,
    start() {
      if (poller || claimTimeoutMs === null) return;
      poller = setInterval(() => {
        tick().catch((error: unknown) => logger.warn({ err: String(error) }, 'live agent: could not look for claim timeouts'));
      }, pollMs);
      poller.unref();
    },
    async stop() {
      unuse();
      if (poller) clearInterval(poller);
      poller = undefined;
      await ticking;
      await Promise.allSettled([...background]);
      await relay.stop();
    },
    async idle() {
      await Promise.allSettled([...background]);
      await relay.idle();
    },
  };

  function tick(): Promise<void> {
    ticking ??= (async () => {
      try {
        for (const key of await sessions.due(now())) {
          await expire(parts, key).catch((error: unknown) => logger.warn({ conversationKey: key, err: String(error) }, 'live agent: a claim timeout failed; tried again later'));
        }
      } finally {
        ticking = undefined;
      }
    })();
    return ticking;
  }
}
