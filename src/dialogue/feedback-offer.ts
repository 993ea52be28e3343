/**
 * Thumbs up / down: offered under an answer given outside a task and under the last message of a
 * finished flow (never in the middle of a task, where the question in hand comes first), and
 * answered when clicked. Insights record the click (src/insights/); here it only gets a reply.
 */
import { ACTIONS } from '../core/actions.js';
import { feedbackButtons, type FeedbackValue } from '../core/feedback.js';
import type { Effect, TurnSignal } from '../core/ports.js';
import { LINES } from './bot-lines.js';
import { NAV_BUTTONS } from './button-values.js';
import type { DialogueState } from './dialogue-state.js';
import { say, type PolicyKit, type Result } from './policy-kit.js';

export const FEEDBACK_OFFERED: TurnSignal = { kind: 'feedback_offered' };

/** The thumbs go under the last message that can carry buttons; nothing to rate, nothing offered. */
export function offerFeedback(effects: readonly Effect[]): { effects: Effect[]; offered: boolean } {
  const out = [...effects];
  for (let i = out.length - 1; i >= 0; i--) {
    const effect = out[i];
    if (!effect || effect.type === 'handoff') continue;
    out[i] = { ...effect, buttons: [...(effect.buttons ?? []), ...feedbackButtons()] };
    return { effects: out, offered: true };
  }
  return { effects: out, offered: false };
}

/** A result with the thumbs offered under its last message. */
export function withFeedback(result: Result): Result {
  const { effects, offered } = offerFeedback(result.effects);
  if (!offered) return result;
  return { ...result, effects, signals: [...(result.signals ?? []), FEEDBACK_OFFERED] };
}

/** A click on a thumb: thanks; for a thumbs down, ways forward. In a task, its question again. */
export function onFeedback(kit: PolicyKit, state: DialogueState, value: FeedbackValue): Result {
  const lead = value === 'up' ? [say(LINES.feedbackThanks)] : [say(LINES.feedbackSorry, state.frame ? undefined : [{ label: NAV_BUTTONS.human.label, value: ACTIONS.human }, NAV_BUTTONS.menu])];
  return state.frame ? kit.reask(state, lead) : { state, effects: lead };
}
