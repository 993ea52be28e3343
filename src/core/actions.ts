/**
 * Button values the core and the adapters agree on. Flows define their own values; these few are
 * reserved because something outside the dialogue produces them.
 */
export const ACTIONS = {
  /** "Talk to a person": offered by the knowledge stage when it has no answer, and by flows. */
  human: 'nav:human',
  /** Sent to the person's conversation when staff hand it back to the bot (optionally `handoff:release:<note>`). */
  handBack: 'handoff:release',
  /** Sent when staff close the conversation: the bot is back, with nothing to resume. */
  close: 'handoff:close',
  /** Sent when nobody from staff claimed the conversation in time. */
  timedOut: 'handoff:timeout',
} as const;

/** The hand-back value, with staff's note for the bot when there is one. */
export function handBackValue(note?: string): string {
  return note ? `${ACTIONS.handBack}:${note}` : ACTIONS.handBack;
}

/** What a staff action value says: which one, and the hand-back note. */
export function parseStaffAction(value: string): { kind: 'hand_back'; note: string | null } | { kind: 'close' } | { kind: 'timed_out' } | undefined {
  if (value === ACTIONS.handBack) return { kind: 'hand_back', note: null };
  if (value.startsWith(`${ACTIONS.handBack}:`)) return { kind: 'hand_back', note: value.slice(ACTIONS.handBack.length + 1).trim() || null };
  if (value === ACTIONS.close) return { kind: 'close' };
  if (value === ACTIONS.timedOut) return { kind: 'timed_out' };
  return undefined;
}

/**
 * Values only staff may send (through the adapter's staff path, which checks who clicked and signs
 * the conversation) or the live agent. A choice button carrying one is refused, never passed to the core.
 */
export function isStaffAction(value: string): boolean {
  return value.trim().toLowerCase().startsWith('handoff:');
}
