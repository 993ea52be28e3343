/**
 * A live-agent session: one handoff of one conversation, from the summary reaching staff to the
 * conversation going back to the bot. Plain JSON (checked with zod on every load) and pure
 * transitions: with the bot → waiting → claimed → handed back or closed; waiting → expired when
 * nobody claims in time. What is said while staff have the conversation is kept here, redacted,
 * in the order it is relayed.
 */
import { z } from 'zod';
import { handoffSummarySchema, platformSchema, type HandoffSummary } from '../types.js';

export const LIVE_STATUSES = ['waiting', 'claimed', 'handed_back', 'closed', 'expired'] as const;
export type LiveStatus = (typeof LIVE_STATUSES)[number];

export const actorSchema = z.object({ id: z.string().min(1), name: z.string() });
export type Actor = z.output<typeof actorSchema>;

/**
 * Where an entry sorts among the others going the same way: the platform's own time of the message
 * (Slack's ts, a Discord id's time) and a tie-breaker of digits, so two instances that receive
 * messages out of order still relay them in the order they were written.
 */
export const orderSchema = z.object({ ms: z.number(), tie: z.string() });
export type Order = z.output<typeof orderSchema>;

export const entrySchema = z.object({
  seq: z.number().int().nonnegative(),
  /** Who it is for: the person's conversation, or the staff thread. */
  to: z.enum(['person', 'staff']),
  /** `said`: words of the person or a staff member; `joined`: "Sam from the support team is here". */
  kind: z.enum(['said', 'joined']),
  userId: z.string(),
  /** The staff member's display name (unset for the person: the desk names them). */
  name: z.string().nullable(),
  /** Already redacted. */
  text: z.string(),
  /** Kinds of secrets hidden from it (never the values). */
  hidden: z.array(z.string()),
  order: orderSchema,
  /** When this instance stored it (its clock): relayed once it has settled (see relaySettleMs). */
  appendedAt: z.number(),
  state: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int().nonnegative(),
});
export type Entry = z.output<typeof entrySchema>;

export const SESSION_VERSION = 1;

export const sessionSchema = z.object({
  version: z.literal(SESSION_VERSION),
  /** Unique per handoff: names its hand-back, close and timeout turns, so each happens once. */
  id: z.string().min(1),
  conversationKey: z.string().min(1),
  platform: platformSchema,
  /** The person's user id. */
  person: z.string().min(1),
  /** The redacted summary staff were shown. */
  summary: handoffSummarySchema,
  status: z.enum(LIVE_STATUSES),
  openedAt: z.number(),
  /** Nobody has claimed it by then: the person is told and offered other ways (null: no limit). */
  deadline: z.number().nullable(),
  thread: z.string().nullable(),
  owner: actorSchema.nullable(),
  ended: z.object({ by: actorSchema.nullable(), at: z.number(), note: z.string().nullable() }).nullable(),
  entries: z.array(entrySchema),
  nextSeq: z.number().int().nonnegative(),
});
export type Session = z.output<typeof sessionSchema>;

/** What a desk shows on the summary: where the conversation stands. */
export interface SessionView {
  status: LiveStatus;
  owner: Actor | null;
  endedBy: Actor | null;
  note: string | null;
}

/** Entries kept per session; older relayed ones are dropped first. */
export const MAX_ENTRIES = 200;

export function newSession(id: string, summary: HandoffSummary, now: number, claimTimeoutMs: number | null): Session {
  return {
    version: SESSION_VERSION,
    id,
    conversationKey: summary.conversationKey,
    platform: summary.platform,
    person: summary.userId,
    summary,
    status: 'waiting',
    openedAt: now,
    deadline: claimTimeoutMs === null ? null : now + claimTimeoutMs,
    thread: null,
    owner: null,
    ended: null,
    entries: [],
    nextSeq: 0,
  };
}

export const isOpen = (s: Session): boolean => s.status === 'waiting' || s.status === 'claimed';

export function viewOf(s: Session): SessionView {
  return { status: s.status, owner: s.owner, endedBy: s.ended?.by ?? null, note: s.ended?.note ?? null };
}

export type ClaimOutcome = { kind: 'claimed' } | { kind: 'already_yours' } | { kind: 'owned'; owner: Actor } | { kind: 'ended' };

/** One owner: the first staff member to claim (or to write). The person is told who joined. */
export function claim(s: Session, actor: Actor, now: number, order: Order): { session: Session; outcome: ClaimOutcome } {
  if (!isOpen(s)) return { session: s, outcome: { kind: 'ended' } };
  if (s.owner) return { session: s, outcome: s.owner.id === actor.id ? { kind: 'already_yours' } : { kind: 'owned', owner: s.owner } };
  const claimed: Session = { ...s, status: 'claimed', owner: actor, deadline: null };
  return { session: append(claimed, { to: 'person', kind: 'joined', userId: actor.id, name: actor.name, text: '', hidden: [], order, appendedAt: now }), outcome: { kind: 'claimed' } };
}

export interface Said {
  text: string;
  hidden: string[];
  order: Order;
  at: number;
}

/** The person wrote while staff have the conversation: for the staff thread. */
export function personSaid(s: Session, userId: string, said: Said): Session {
  return append(s, { to: 'staff', kind: 'said', userId, name: null, text: said.text, hidden: said.hidden, order: said.order, appendedAt: said.at });
}

/** The owner wrote in the staff thread: for the person. */
export function staffSaid(s: Session, actor: Actor, said: Said): Session {
  return append(s, { to: 'person', kind: 'said', userId: actor.id, name: actor.name, text: said.text, hidden: said.hidden, order: said.order, appendedAt: said.at });
}

/** Handed back to the bot, closed by staff, or expired because nobody claimed it. */
export function end(s: Session, status: 'handed_back' | 'closed' | 'expired', by: Actor | null, note: string | null, now: number): Session {
  return { ...s, status, deadline: null, ended: { by, at: now, note } };
}

export function isDue(s: Session, now: number): boolean {
  return s.status === 'waiting' && s.deadline !== null && s.deadline <= now;
}

function append(s: Session, entry: Omit<Entry, 'seq' | 'state' | 'attempts'>): Session {
  const entries = [...s.entries, { ...entry, seq: s.nextSeq, state: 'pending' as const, attempts: 0 }];
  // Forget the oldest relayed entries first; pending ones are never dropped.
  while (entries.length > MAX_ENTRIES) {
    const at = entries.findIndex((e) => e.state !== 'pending');
    if (at < 0) break;
    entries.splice(at, 1);
  }
  return { ...s, entries, nextSeq: s.nextSeq + 1 };
}

export function compareOrder(a: Entry, b: Entry): number {
  if (a.order.ms !== b.order.ms) return a.order.ms - b.order.ms;
  // Ties are digit strings (Slack microseconds, Discord ids): shorter is smaller, then by text.
  if (a.order.tie.length !== b.order.tie.length) return a.order.tie.length - b.order.tie.length;
  if (a.order.tie !== b.order.tie) return a.order.tie < b.order.tie ? -1 : 1;
  return a.seq - b.seq;
}

export interface DueEntries {
  /** To relay now, in order. */
  entries: Entry[];
  /** When to look again for entries that have not settled yet (undefined: nothing waits). */
  wakeAt: number | undefined;
}

/**
 * What may be relayed now, per direction in the order written: an entry waits until it has
 * settled (a message written earlier may still be on its way through another instance), and
 * nothing overtakes a pending entry going the same way. Staff-bound entries wait for the thread.
 * `flush` relays everything pending at once (before a hand-back, and on stop).
 */
export function dueEntries(s: Session, now: number, settleMs: number, flush = false): DueEntries {
  const entries: Entry[] = [];
  let wakeAt: number | undefined;
  for (const to of ['person', 'staff'] as const) {
    if (to === 'staff' && s.thread === null) continue;
    const pending = s.entries.filter((e) => e.to === to && e.state === 'pending').sort(compareOrder);
    for (const entry of pending) {
      const ready = entry.appendedAt + settleMs;
      if (!flush && ready > now) {
        wakeAt = Math.min(wakeAt ?? ready, ready);
        break;
      }
      entries.push(entry);
    }
  }
  return { entries, wakeAt };
}

export function markEntry(s: Session, seq: number, state: 'delivered' | 'failed' | 'pending'): Session {
  return { ...s, entries: s.entries.map((e) => (e.seq === seq ? { ...e, state, attempts: e.attempts + (state === 'delivered' ? 0 : 1) } : e)) };
}

/** What was said while staff had the conversation, in order (for the hand-back summary). */
export function exchangeOf(s: Session): Entry[] {
  return s.entries.filter((e) => e.kind === 'said' && e.state !== 'failed').sort((a, b) => a.seq - b.seq);
}

export function parseSession(raw: unknown): Session | undefined {
  const parsed = sessionSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
