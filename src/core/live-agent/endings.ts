/**
 * How a live session ends: staff hand it back (with a note) or close it, or nobody claims it in
 * time. The session's change is made once, under its lock; the person's side then runs as one
 * turn through the ordinary pipeline (so it is stored, recorded and replayable), under an event id
 * named after the session, so even two instances racing run it once.
 */
import { ACTIONS, handBackValue } from '../actions.js';
import type { ConversationRunner } from '../conversation-runner.js';
import type { Logger } from '../logger.js';
import type { PrivacyGuard } from '../ports.js';
import type { IncomingMessage } from '../types.js';
import type { StaffDesk } from './desk.js';
import { REFUSALS, STAFF_LINES } from './live-lines.js';
import type { Relay } from './relay.js';
import { end, exchangeOf, isDue, isOpen, viewOf, type Actor, type Session } from './session.js';
import type { SessionStore } from './session-store.js';
import { cleanStaffText, NOTE_MAX, redactStaffText, type StaffOutcome } from './staff-input.js';
import type { LiveRecord } from './live-agent.js';

export interface EndingParts {
  runner: Pick<ConversationRunner, 'run'>;
  sessions: SessionStore;
  relay: Relay;
  desks: ReadonlyMap<string, StaffDesk>;
  privacy: PrivacyGuard;
  logger: Logger;
  now: () => number;
  claimTimeoutMs: number | null;
  record(record: LiveRecord): void;
}

/** The person's side of an ending, through the one turn pipeline. */
export async function runEnding(parts: EndingParts, desk: StaffDesk, session: Session, action: string, tag: string): Promise<void> {
  const delivery = desk.personDelivery(session.conversationKey);
  if (!delivery) {
    parts.logger.warn({ conversationKey: session.conversationKey }, 'live agent: no way to reach the person to hand the conversation back');
    return;
  }
  const message: IncomingMessage = {
    platform: session.platform,
    conversationKey: session.conversationKey,
    userId: session.person,
    action,
    eventId: `live:${tag}:${session.id}`,
    receivedAt: parts.now(),
  };
  await parts.runner.run(message, delivery);
}

/** Staff hand the conversation back to the bot (the note redacted, kept and passed on) or close it. */
export async function finish(parts: EndingParts, desk: StaffDesk, key: string, who: Actor, verb: 'hand_back' | 'close', rawNote: string | undefined, eventId: string): Promise<StaffOutcome> {
  const { sessions, now } = parts;
  const note = rawNote === undefined ? '' : redactStaffText(parts.privacy, `note:${key}`, eventId, cleanStaffText(rawNote, 500), now()).text;
  const ended = await sessions.locked(key, async (tx): Promise<{ done: Session } | { already: Session } | undefined> => {
    const s = tx.session;
    if (!s) return undefined;
    if (!isOpen(s)) return { already: s };
    const next = end(s, verb === 'hand_back' ? 'handed_back' : 'closed', who, note === '' ? null : note, now());
    await tx.save(next);
    return { done: next };
  });
  if (!ended) return { ok: false, text: REFUSALS.noSession };
  if ('already' in ended) return { ok: false, text: REFUSALS.ended(ended.already.status) };
  const session = ended.done;
  await sessions.removeDeadline(key, now());
  // What staff wrote before pressing the button reaches the person before the bot speaks again.
  await parts.relay.flush(key);
  const action = verb === 'hand_back' ? handBackValue(note.slice(0, NOTE_MAX).trim() || undefined) : ACTIONS.close;
  await runEnding(parts, desk, session, action, verb === 'hand_back' ? 'handback' : 'close');
  if (session.thread !== null) {
    const after = (await sessions.peek(key)) ?? session;
    await desk.showStatus(session.thread, session.summary, viewOf(session)).catch(() => undefined);
    const said = exchangeOf(after).map((e) => STAFF_LINES.saidLine(e, 'Person'));
    const text = verb === 'hand_back' ? STAFF_LINES.handedBack(who.name, session.ended?.note ?? null, said) : STAFF_LINES.closed(who.name);
    await desk.postToStaffThread(session.thread, { kind: 'notice', text }).catch(() => undefined);
  }
  parts.record({ kind: verb === 'hand_back' ? 'handed_back' : 'closed', conversationKey: key, platform: session.platform, name: who.name });
  parts.logger.info({ conversationKey: key, staff: who.id, verb }, 'live agent: conversation back with the bot');
  return { ok: true };
}

/** Nobody claimed the conversation in time: the bot takes it back and offers other ways to get help. */
export async function expire(parts: EndingParts, key: string): Promise<void> {
  const { sessions, now } = parts;
  const peeked = await sessions.peek(key);
  if (!peeked || peeked.status !== 'waiting') {
    await sessions.removeDeadline(key, now());
    return;
  }
  const desk = parts.desks.get(peeked.platform);
  // An instance that serves this platform will do it.
  if (!desk || !isDue(peeked, now())) return;
  const expired = await sessions.locked(key, async (tx) => {
    if (!tx.session || !isDue(tx.session, now())) return undefined;
    const next = end(tx.session, 'expired', null, null, now());
    await tx.save(next);
    return next;
  });
  await sessions.removeDeadline(key, now());
  if (!expired) return;
  parts.logger.info({ conversationKey: key }, 'live agent: nobody claimed the conversation in time; the bot is back');
  await runEnding(parts, desk, expired, ACTIONS.timedOut, 'timeout');
  if (expired.thread !== null) {
    await desk.showStatus(expired.thread, expired.summary, viewOf(expired)).catch(() => undefined);
    if (parts.claimTimeoutMs !== null) await desk.postToStaffThread(expired.thread, { kind: 'notice', text: STAFF_LINES.expired(parts.claimTimeoutMs) }).catch(() => undefined);
  }
  parts.record({ kind: 'expired', conversationKey: key, platform: expired.platform });
}

/** Nowhere to post the summary: the bot takes the conversation back at once instead of leaving the person waiting. */
export async function expireNow(parts: EndingParts, desk: StaffDesk, key: string, id: string): Promise<void> {
  const expired = await parts.sessions.locked(key, async (tx) => {
    if (tx.session?.id !== id || !isOpen(tx.session)) return undefined;
    const next = end(tx.session, 'expired', null, null, parts.now());
    await tx.save(next);
    return next;
  });
  await parts.sessions.removeDeadline(key, parts.now());
  if (expired) await runEnding(parts, desk, expired, ACTIONS.timedOut, 'timeout');
}
