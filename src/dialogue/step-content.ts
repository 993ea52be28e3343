/**
 * What a flow step shows: its words, its sections, its question with the choices as buttons (Back
 * once there is a step to go back to, a person always), or an ending's buttons. The flow engine
 * decides where a task goes; this only renders where it is.
 */
import type { Effect } from '../core/ports.js';
import type { Button } from '../core/types.js';
import { NAV_BUTTONS, answerValue } from './button-values.js';
import type { Frame } from './dialogue-state.js';
import type { FlowStep } from './flow-schema.js';

/** The step's choices as buttons, then Back (when there is a step to go back to) and a person. */
export function stepButtons(step: FlowStep, frame: Frame): Button[] {
  const buttons: Button[] = (step.options ?? []).map((o) => ({ label: o.label, value: answerValue(o.value) }));
  if (frame.history.length > 0) buttons.push(NAV_BUTTONS.back);
  buttons.push(NAV_BUTTONS.human);
  return buttons;
}

/** The step in full: its words with the first section, the other sections, then its question. */
export function stepContent(step: FlowStep, frame: Frame): Effect[] {
  const effects: Effect[] = [];
  const sections = step.sections ?? [];
  sections.forEach((section, i) => {
    if (i === 0 && step.say) effects.push({ type: 'say_section', section, intro: step.say });
    else effects.push({ type: 'say_section', section });
  });
  if (sections.length === 0 && step.say) effects.push({ type: 'say', text: step.say });
  if (step.options && step.options.length > 0) {
    const buttons = stepButtons(step, frame);
    if (step.ask) effects.push({ type: 'say', text: step.ask, buttons });
    else {
      const last = effects.pop();
      if (last && last.type !== 'handoff') effects.push({ ...last, buttons });
      else effects.push({ type: 'say', text: 'Please pick one of these:', buttons });
    }
  } else if (step.end === 'done') {
    const buttons: Button[] = [...(step.offer ?? []), NAV_BUTTONS.menu];
    if (step.ask) effects.push({ type: 'say', text: step.ask, buttons });
    else {
      const last = effects.pop();
      if (last && last.type !== 'handoff') effects.push({ ...last, buttons });
      else effects.push({ type: 'say', text: 'Is there anything else I can help with?', buttons });
    }
  } else if (step.ask) {
    effects.push({ type: 'say', text: step.ask });
  }
  return effects;
}
