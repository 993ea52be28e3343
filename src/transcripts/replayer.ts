import type { Button } from '../core/types.js';
import { checkTurn, type Mismatch, type ObservedTurn } from './check-turn.js';
import type { Transcript, TranscriptTurn } from './transcript-schema.js';

/** A staff-side turn (the live agent): a staff message, a claim, a hand-back, a close, or the claim timeout. */
export type LiveInput =
  | { kind: 'staff'; text: string; as: string }
  | { kind: 'claim'; as: string }
  | { kind: 'hand_back'; note: string | null; as: string }
  | { kind: 'close'; as: string }
  | { kind: 'timeout' };

/** One turn as a channel receives it: the person's text or click, or a staff-side turn. */
export interface ChannelInput {
  text?: string;
  action?: string;
  live?: LiveInput;
  /** The fixed clock's time for this turn (epoch ms). */
  at: number;
}

/** The staff member a transcript's staff turns come from when it names nobody. */
export const DEFAULT_STAFF_NAME = 'Sam';

/** A staff-side turn of a transcript as channel input, or undefined for the person's turns. */
export function liveInputOf(turn: TranscriptTurn): LiveInput | undefined {
  if (turn.staff !== undefined) return { kind: 'staff', text: turn.staff, as: turn.as ?? DEFAULT_STAFF_NAME };
  if (turn.claim !== undefined) return { kind: 'claim', as: turn.claim };
  if (turn.handBack !== undefined) return { kind: 'hand_back', note: turn.handBack === true || turn.handBack.trim() === '' ? null : turn.handBack, as: turn.as ?? DEFAULT_STAFF_NAME };
  if (turn.close !== undefined) return { kind: 'close', as: turn.as ?? DEFAULT_STAFF_NAME };
  if (turn.timeout !== undefined) return { kind: 'timeout' };
  return undefined;
}

/**
 * Something a transcript can be replayed through: the core directly, or an adapter against a
 * fake Slack or Discord. Each channel starts a fresh conversation.
 */
export interface ReplayChannel {
  send(input: ChannelInput): Promise<ObservedTurn>;
  close(): Promise<void>;
}

export interface ChannelContext {
  /** A conversation id unique to this replay. */
  conversationId: string;
  userId: string;
  /** The clock the core must use: the transcript's fixed time. */
  now: () => number;
  /** The transcript's starting dialogue state, when it has one. */
  initialState?: unknown;
}
export type ChannelFactory = (context: ChannelContext) => Promise<ReplayChannel>;

export interface TurnFailure {
  index: number;
  turn: TranscriptTurn;
  mismatches: Mismatch[];
  observed?: ObservedTurn;
  error?: string;
}

export interface ReplayResult {
  name: string;
  file?: string;
  passed: boolean;
  turns: number;
  failures: TurnFailure[];
}

const DEFAULT_CLOCK = Date.parse('2026-01-05T09:00:00Z');
let replayCounter = 0;

/** Replays one transcript through a channel, turn by turn, and collects every mismatch. */
export async function replayTranscript(transcript: Transcript, channelFactory: ChannelFactory, file?: string): Promise<ReplayResult> {
  let clock = transcript.clock ? Date.parse(transcript.clock) : DEFAULT_CLOCK;
  replayCounter += 1;
  const context: ChannelContext = {
    conversationId: `replay-${process.pid}-${replayCounter}-${slug(transcript.name)}`,
    userId: transcript.userId ?? 'replay-user',
    now: () => clock,
    ...(transcript.state !== undefined ? { initialState: transcript.state } : {}),
  };
  const channel = await channelFactory(context);
  const failures: TurnFailure[] = [];
  let offered: Button[] = [];
  try {
    for (const [index, turn] of transcript.turns.entries()) {
      clock += 1000 + (turn.after ?? 0);
      let input: ChannelInput;
      const live = liveInputOf(turn);
      if (live) {
        input = { live, at: clock };
      } else if (turn.click !== undefined) {
        const label = turn.click.toLowerCase();
        const button = offered.find((b) => b.label.toLowerCase() === label || b.value === turn.click);
        if (!button) {
          failures.push({
            index,
            turn,
            mismatches: [{ field: 'click', expected: `a button ${JSON.stringify(turn.click)}`, got: JSON.stringify(offered.map((b) => b.label)) }],
          });
          break; // the conversation cannot go on as written
        }
        input = { action: button.value, at: clock };
      } else if (turn.action !== undefined) {
        input = { action: turn.action, at: clock };
      } else {
        input = { text: turn.user ?? '', at: clock };
      }
      let observed: ObservedTurn;
      try {
        observed = await channel.send(input);
      } catch (error) {
        failures.push({ index, turn, mismatches: [], error: error instanceof Error ? error.message : String(error) });
        break;
      }
      // A turn with no reply (the bot quiet, a refused staff action) leaves the last buttons on screen.
      if (observed.replies.length > 0) offered = observed.replies.flatMap((r) => r.buttons);
      const mismatches = checkTurn(turn.expect, observed);
      if (mismatches.length > 0) failures.push({ index, turn, mismatches, observed });
    }
  } finally {
    await channel.close();
  }
  return { name: transcript.name, ...(file ? { file } : {}), passed: failures.length === 0, turns: transcript.turns.length, failures };
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40);
}
