/**
 * Navigation, typed or clicked: a person, back, start over, cancel, help, the menu, carry on and
 * resume. Available at any point of any task.
 */
import { LINES } from './bot-lines.js';
import { NAV_BUTTONS, type NavCommand } from './button-values.js';
import type { DialogueState } from './dialogue-state.js';
import { say, type PolicyKit, type Result } from './policy-kit.js';

export function navigate(kit: PolicyKit, state: DialogueState, command: NavCommand, now: number): Result {
  const frame = state.frame;
  const { engine, title, menuButtons } = kit;
  switch (command) {
    case 'human':
      return kit.handoff(state, frame, frame ? `asked for a person during ${title(frame.flow)}` : 'asked for a person', now);
    case 'back': {
      if (!frame) return { state, effects: [say(LINES.nothingToGoBackTo, menuButtons(state))] };
      const outcome = engine.back(frame);
      if (!outcome) return kit.reask(state, [], 'question', LINES.backAtStart);
      return kit.settle(state, outcome, now);
    }
    case 'restart':
      if (!frame) return { state, effects: [say(LINES.menu, menuButtons(state))] };
      return kit.settle({ ...state, frame: null }, engine.start(frame.flow, {}), now, [say(LINES.restarted(title(frame.flow)))]);
    case 'cancel':
      if (!frame) return { state, effects: [say(LINES.nothingToCancel, menuButtons(state))] };
      return { state: { ...state, frame: null }, effects: [say(LINES.cancelled(title(frame.flow)), menuButtons({ ...state, frame: null }))] };
    case 'help':
      if (!frame) return { state, effects: [say(LINES.help, menuButtons(state))] };
      return kit.reask(state, [say(LINES.helpInFlow(title(frame.flow)), [NAV_BUTTONS.restart, NAV_BUTTONS.cancel, NAV_BUTTONS.human])]);
    case 'menu': {
      const paused = frame ?? state.paused;
      const next = { ...state, frame: null, paused };
      return { state: next, effects: [say(LINES.menu, menuButtons(next))] };
    }
    case 'continue':
      if (frame) return kit.reask(state, [], 'full', LINES.resumed(title(frame.flow)));
      return navigate(kit, state, 'resume', now);
    case 'resume': {
      const paused = state.paused;
      if (!paused) return { state, effects: [say(LINES.nothingToResume, menuButtons(state))] };
      const next = { ...state, frame: { ...paused, misses: 0 }, paused: frame, topic: paused.flow };
      return kit.reask(next, [], 'full', LINES.resumed(title(paused.flow)));
    }
  }
}
