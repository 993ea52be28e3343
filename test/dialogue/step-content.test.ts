import { describe, expect, it } from 'vitest';
import { NAV_BUTTONS } from '../../src/dialogue/button-values.js';
import type { Frame } from '../../src/dialogue/dialogue-state.js';
import { stepButtons, stepContent } from '../../src/dialogue/step-content.js';

const frame = (history: string[]): Frame => ({ flow: 'f', step: 's', slots: {}, history, misses: 0, tried: [], facts: [], used: [], spent: [], done: [] }) as unknown as Frame;
const step = { say: 'Try these:', sections: ['a#one', 'a#two'], ask: 'Did that fix it?', options: [{ value: 'yes', label: 'Yes', then: [{ to: '@end' }] }] };

describe('what a flow step shows', () => {
  it('puts its words before the first section, then the other sections, then the question with its buttons', () => {
    const effects = stepContent(step as never, frame([]));
    expect(effects.map((e) => e.type)).toEqual(['say_section', 'say_section', 'say']);
    expect(effects[0]).toMatchObject({ section: 'a#one', intro: 'Try these:' });
    expect(effects[2]).toMatchObject({ text: 'Did that fix it?' });
  });

  it('offers Back only once there is a step to go back to, and a person always', () => {
    expect(stepButtons(step as never, frame([])).at(-1)).toEqual(NAV_BUTTONS.human);
    expect(stepButtons(step as never, frame([])).some((b) => b.value === NAV_BUTTONS.back.value)).toBe(false);
    expect(stepButtons(step as never, frame(['earlier'])).some((b) => b.value === NAV_BUTTONS.back.value)).toBe(true);
  });
});
