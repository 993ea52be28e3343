/**
 * What staff send the live agent through an adapter, and how their words are made safe: cut to a
 * sane length, control characters dropped (line breaks kept), then the same privacy guard as every
 * message of the person's, before anything relays, stores, logs or records them.
 */
import type { PrivacyGuard } from '../ports.js';
import type { Platform } from '../types.js';
import type { Order } from './session.js';

/** A message a staff member wrote in a staff thread. */
export interface StaffMessage {
  platform: Platform;
  thread: string;
  userId: string;
  text: string;
  /** The platform's id of the message: a message is relayed once however often it arrives. */
  messageId: string;
  /** Where it sorts among the thread's messages (see orderOfSlackTs, orderOfSnowflake). */
  order: Order;
}

export type StaffVerb = 'claim' | 'hand_back' | 'close';

/** A click on one of the summary's controls (or the hand-back note submitted). */
export interface StaffAction {
  platform: Platform;
  thread: string;
  userId: string;
  verb: StaffVerb;
  /** Hand back: what the bot (and the record) should know; optional. */
  note?: string;
  /** The platform's id of the click or submission (dedupe across instances and retries). */
  eventId: string;
}

/** What the adapter shows the staff member privately: nothing when all went well and needs no word. */
export interface StaffOutcome {
  ok: boolean;
  text?: string;
}

/** Staff messages can be long (instructions); longer ones are cut. */
export const STAFF_TEXT_MAX = 3000;
/** A hand-back note is short: it travels with the hand-back turn and is kept in the dialogue state. */
export const NOTE_MAX = 180;

const CONTROL = /[\p{Cc}\p{Cf}]/gu;

export function cleanStaffText(raw: string, max = STAFF_TEXT_MAX): string {
  let text = raw.length > max * 2 ? raw.slice(0, max * 2) : raw;
  text = text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, (c) => (c === '\n' ? '\n' : c === '\t' ? ' ' : ''))
    .replace(/ {2,}/g, ' ')
    .replace(/ \n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

/** Staff words through the privacy guard. A card split over two staff messages is caught too (per thread). */
export function redactStaffText(privacy: PrivacyGuard, scope: string, eventId: string, text: string, at: number): { text: string; hidden: string[] } {
  const redaction = privacy.redactMessage ? privacy.redactMessage(scope, eventId, text, at) : privacy.redact(text);
  return { text: redaction.text, hidden: redaction.findings };
}

/** Slack's ts ("1700000000.000123") as an order: exact, because the microseconds break ties. */
export function orderOfSlackTs(ts: string): Order {
  const [seconds = '0', micros = '0'] = ts.split('.');
  return { ms: Number(seconds) * 1000 + Math.floor(Number(micros.padEnd(6, '0').slice(0, 6)) / 1000), tie: micros.padEnd(6, '0') };
}

const DISCORD_EPOCH = 1_420_070_400_000n;

/** A Discord id as an order: its time, and the id itself to break ties. */
export function orderOfSnowflake(id: string): Order {
  try {
    return { ms: Number((BigInt(id) >> 22n) + DISCORD_EPOCH), tie: id };
  } catch {
    return { ms: 0, tie: id };
  }
}
