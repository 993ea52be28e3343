/**
 * Thumbs up / down after an answer or at the end of a flow. The values are the core's (like
 * ACTIONS): adapters render them as any other button (Block Kit, Discord components, a number in
 * the terminal) and send the click back; the dialogue answers it and insights record it.
 */
import type { Button } from './types.js';

export type FeedbackValue = 'up' | 'down';

export const FEEDBACK_PREFIX = 'feedback:';

export const FEEDBACK_BUTTONS: Readonly<Record<FeedbackValue, Button>> = {
  up: { label: '👍 Helpful', value: `${FEEDBACK_PREFIX}up` },
  down: { label: '👎 Not helpful', value: `${FEEDBACK_PREFIX}down` },
};

/** The pair offered under an answer. */
export const feedbackButtons = (): Button[] => [FEEDBACK_BUTTONS.up, FEEDBACK_BUTTONS.down];

/** `feedback:up` → 'up'; anything else → undefined. */
export function feedbackOf(value: string | undefined): FeedbackValue | undefined {
  if (value === FEEDBACK_BUTTONS.up.value) return 'up';
  if (value === FEEDBACK_BUTTONS.down.value) return 'down';
  return undefined;
}

export const isFeedbackButton = (button: Button): boolean => button.value.startsWith(FEEDBACK_PREFIX);
