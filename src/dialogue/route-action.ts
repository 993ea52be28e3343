/** A button click: navigation, a flow, an information topic, or an answer to the current question. */
import type { Entities } from '../core/types.js';
import { LINES } from './bot-lines.js';
import { parseButtonValue } from './button-values.js';
import type { DialogueState } from './dialogue-state.js';
import { infoAnswer } from './answers.js';
import { onFeedback } from './feedback-offer.js';
import { contactAnswer } from './handoff.js';
import { isInfoTopic } from './info-topics.js';
import { navigate } from './navigation.js';
import { say, type PolicyKit, type Result } from './policy-kit.js';

/** `entities`: what the message a "did you mean…?" asked about named, for the task picked from it. */
export function onAction(kit: PolicyKit, state: DialogueState, value: string, now: number, entities: Entities = {}): Result {
  const action = parseButtonValue(value);
  switch (action.kind) {
    case 'hand_back':
      return { state, effects: [say(LINES.notInHandoff, kit.menuButtons(state))] };
    case 'feedback':
      return onFeedback(kit, state, action.value);
    case 'close':
    case 'timed_out':
      // Staff's ending for a conversation that is not with them (any more): nothing to say.
      return { state, effects: [] };
    case 'nav':
      return navigate(kit, state, action.command, now);
    case 'flow':
      if (!kit.flows.has(action.flow)) break;
      return kit.startFlow(state, action.flow, entities, now);
    case 'info':
      if (action.intent === 'contact_support') return contactAnswer(kit, state, null);
      if (!isInfoTopic(action.intent)) break;
      return infoAnswer(kit, state, action.intent, undefined);
    case 'answer': {
      if (!state.frame) return { state, effects: [say(LINES.staleButton), say(LINES.done, kit.menuButtons(state))] };
      const option = kit.engine.currentStep(state.frame).options?.find((o) => o.value === action.value);
      if (!option) return kit.reask(state, [say(LINES.staleButton)]);
      return kit.settle(state, kit.engine.choose(state.frame, option), now);
    }
    case 'unknown':
      break;
  }
  return kit.reask(state, [say(LINES.unknownButton)]);
}
