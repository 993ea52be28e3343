/**
 * What the live agent says, to the person and to staff. Written here, with the core's other
 * wording, so Slack and Discord say the same thing; desks only pass in the platform's mention or
 * channel syntax.
 */
import { describeSecrets } from '../privacy-notice.js';
import type { Entry, LiveStatus, SessionView } from './session.js';

const ENDED: Record<Exclude<LiveStatus, 'waiting' | 'claimed'>, string> = {
  handed_back: 'it was handed back to the bot',
  closed: 'it was closed',
  expired: 'nobody claimed it in time, and the bot took it back',
};

/** "15 minutes", "90 seconds", "1 hour". */
export function describeDuration(ms: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (ms % 3_600_000 === 0) return unit(ms / 3_600_000, 'hour');
  if (ms % 60_000 === 0) return unit(ms / 60_000, 'minute');
  return unit(Math.max(1, Math.round(ms / 1000)), 'second');
}

/** What the person reads. */
export const PERSON_LINES = {
  /** A staff member's message, with their display name in front. */
  staffSaid: (name: string, text: string) => `**${name}** (support team): ${text}`,
  joined: (name: string) => `**${name}** from the support team has joined and will answer you here.`,
} as const;

/** What staff read in the staff thread, and privately. */
export const STAFF_LINES = {
  intro: (claimTimeoutMs: number | null) =>
    'Answer in this thread: what you write here is sent to the person, with your name. ' +
    'Press Claim first, or your first message claims the conversation; a line that starts with // stays here as a note. ' +
    (claimTimeoutMs === null ? '' : `If nobody claims it within ${describeDuration(claimTimeoutMs)}, the person is offered other ways to get help.`),
  claimed: (name: string) => `${name} claimed this conversation.`,
  /** Under a relayed message of the person's. */
  hiddenFromStaff: (kinds: readonly string[]) => `(I hid ${describeSecrets(kinds)} from this message.)`,
  /** Private, to the staff member who pasted it. */
  hiddenFromPerson: (kinds: readonly string[]) => `I hid ${describeSecrets(kinds)} from your message before sending it to the person.`,
  handedBack: (name: string, note: string | null, said: readonly string[]) =>
    [`Handed back to the bot by ${name}.`, note ? `Note: ${note}` : undefined, said.length > 0 ? `What was said:\n${said.join('\n')}` : 'Nothing was said while the team had it.']
      .filter((l) => l !== undefined)
      .join('\n'),
  closed: (name: string) => `${name} closed this conversation. The bot is back with the person if they write again.`,
  expired: (claimTimeoutMs: number) =>
    `Nobody claimed this within ${describeDuration(claimTimeoutMs)}. I told the person, offered them other ways to get help, and the bot is looking after them again.`,
  deliveryFailed: 'I could not deliver a message to the person after several tries; it was not sent.',
  /** One line of the exchange in the hand-back summary. */
  saidLine: (entry: Entry, personName: string) => `${entry.to === 'staff' ? personName : (entry.name ?? 'staff')}: ${entry.text.length > 200 ? `${entry.text.slice(0, 199)}…` : entry.text}`,
} as const;

/** Private answers to a staff member whose action was refused or needs saying. */
export const REFUSALS = {
  notStaff: (team: string) => `Only the support team (${team}) can do that here. Nothing was sent or changed.`,
  ownedBy: (name: string) => `${name} has already claimed this conversation, so your message was not sent to the person; it stays here as a note.`,
  claimedBy: (name: string) => `${name} has already claimed this conversation.`,
  alreadyYours: 'You have already claimed this conversation.',
  ended: (status: LiveStatus) => `This conversation is no longer with the support team (${status in ENDED ? ENDED[status as keyof typeof ENDED] : 'it ended'}), so nothing was sent or changed.`,
  noSession: 'This is not a live conversation, so nothing was sent or changed.',
  unavailable: 'Sorry, I could not do that just now. Please try again in a moment.',
  formExpired: 'This form has expired, so nothing was changed. Press the button on the summary again.',
} as const;

/** The summary's controls, as every platform labels them. */
export const CONTROL_LABELS = { claim: 'Claim', hand_back: 'Hand back to the bot', close: 'Close' } as const;

/** The hand-back note form (a Slack modal, a Discord modal). */
export const NOTE_FORM = {
  title: 'Hand back to the bot',
  label: 'Note for the bot (optional)',
  placeholder: 'What the bot should know, e.g. "refund explained, may ask about the test charge". The person does not see it.',
  submit: 'Hand back',
} as const;

/** Where the conversation stands, under the summary. */
export function statusLine(view: SessionView): string {
  switch (view.status) {
    case 'waiting':
      return 'Waiting for someone from the team to claim it.';
    case 'claimed':
      return `Claimed by ${view.owner?.name ?? 'a team member'}: they answer in the thread.`;
    case 'handed_back':
      return `Handed back to the bot by ${view.endedBy?.name ?? 'the team'}.`;
    case 'closed':
      return `Closed by ${view.endedBy?.name ?? 'the team'}.`;
    case 'expired':
      return 'Nobody claimed it in time: the bot offered other ways to get help and is back with the person.';
  }
}

/** Which controls the summary still offers. */
export function controlsFor(view: SessionView): Array<keyof typeof CONTROL_LABELS> {
  if (view.status === 'waiting') return ['claim', 'hand_back', 'close'];
  if (view.status === 'claimed') return ['hand_back', 'close'];
  return [];
}
