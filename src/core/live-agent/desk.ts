/**
 * The staff side of a platform, as the live agent needs it: what an adapter implements (transport
 * only) so staff can talk to a person from the handoff channel. The core decides who owns a
 * conversation, what is relayed, when, and in which words; the desk only posts, edits and looks up.
 */
import type { TurnDelivery } from '../conversation-runner.js';
import type { HandoffSummary, Platform } from '../types.js';
import type { SessionView } from './session.js';

/**
 * A staff thread, as the platform names it: an opaque string the desk writes and reads back
 * (Slack `team:channel:ts` of the summary message, Discord `channel:thread`). The core only stores
 * and compares it.
 */
export type StaffThread = string;

/** Something the bot posts into a staff thread. */
export type StaffPost =
  /** What the person wrote (already redacted); `note` says that something was hidden. */
  | { kind: 'person'; userId: string; text: string; note?: string }
  /** The bot's own line to staff (claimed, handed back, timed out, …), worded by the core. */
  | { kind: 'notice'; text: string };

export interface StaffDesk {
  readonly platform: Platform;
  /**
   * Posts the handoff summary with its controls (Claim, Hand back to the bot, Close) to the handoff
   * channel and opens the staff thread on it. Resolves undefined when no handoff channel is set up
   * for this conversation (the desk logs which setting is missing); rejects when posting failed.
   */
  openStaffThread(summary: HandoffSummary, view: SessionView): Promise<StaffThread | undefined>;
  /** Shows where the conversation stands on the summary (who owns it, handed back, closed) and which controls are left. */
  showStatus(thread: StaffThread, summary: HandoffSummary, view: SessionView): Promise<void>;
  postToStaffThread(thread: StaffThread, post: StaffPost): Promise<void>;
  /** Whether `userId` is support staff where this thread lives (the staff channel's members, the support role). */
  isStaff(thread: StaffThread, userId: string): Promise<boolean>;
  /** The staff member's display name, as the person should read it. */
  displayName(thread: StaffThread, userId: string): Promise<string>;
  /** How the platform names the support team in a refusal, e.g. `<#C123>` or `<@&456>`. */
  teamName(thread: StaffThread): string;
  /** A delivery to the person's conversation (DM, thread or channel) for replies outside a platform event. */
  personDelivery(conversationKey: string): TurnDelivery | undefined;
}
