/**
 * Button values the core and the adapters agree on. Flows define their own values; these few are
 * reserved because something outside the dialogue produces them.
 */
export const ACTIONS = {
  /** "Talk to a person": offered by the knowledge stage when it has no answer, and by flows. */
  human: 'nav:human',
  /** Sent by an adapter to the person's conversation when staff hand it back to the bot. */
  handBack: 'handoff:release',
} as const;

/**
 * Values only staff may send, through the adapter's staff path (which checks who clicked and
 * signs the conversation). A choice button carrying one is refused, never passed to the core.
 */
export function isStaffAction(value: string): boolean {
  return value.trim().toLowerCase() === ACTIONS.handBack;
}
