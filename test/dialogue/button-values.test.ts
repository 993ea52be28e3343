import { describe, expect, it } from 'vitest';
import { ACTIONS, handBackValue } from '../../src/core/actions.js';
import { commandInText, parseButtonValue } from '../../src/dialogue/button-values.js';

describe('button values', () => {
  it('parses each kind of value', () => {
    expect(parseButtonValue('flow:link_card')).toEqual({ kind: 'flow', flow: 'link_card' });
    expect(parseButtonValue('info:limits')).toEqual({ kind: 'info', intent: 'limits' });
    expect(parseButtonValue('answer:visa')).toEqual({ kind: 'answer', value: 'visa' });
    expect(parseButtonValue(ACTIONS.human)).toEqual({ kind: 'nav', command: 'human' });
    expect(parseButtonValue(ACTIONS.handBack)).toEqual({ kind: 'hand_back', note: null });
    expect(parseButtonValue(handBackValue('refund explained'))).toEqual({ kind: 'hand_back', note: 'refund explained' });
    expect(parseButtonValue(ACTIONS.close)).toEqual({ kind: 'close' });
    expect(parseButtonValue(ACTIONS.timedOut)).toEqual({ kind: 'timed_out' });
    expect(parseButtonValue('nav:fly')).toEqual({ kind: 'unknown', value: 'nav:fly' });
    expect(parseButtonValue('whatever')).toEqual({ kind: 'unknown', value: 'whatever' });
  });
});

describe('navigation typed as words', () => {
  it.each([
    ['back', 'back'],
    ['Go back please', 'back'],
    ['start over', 'restart'],
    ['Restart', 'restart'],
    ['never mind', 'cancel'],
    ['stop', 'cancel'],
    ['help', 'help'],
    ['menu', 'menu'],
    ['talk to a human', 'human'],
    ['Can I speak to a real person please?', 'human'],
    ['agent', 'human'],
  ])('reads "%s" as %s', (text, command) => {
    expect(commandInText(text)).toBe(command);
  });

  it.each(['I went back to the checkout page', 'help me link my card', 'the person at the bank said no', 'stop charging me'])('does not read "%s" as a command', (text) => {
    expect(commandInText(text)).toBeUndefined();
  });
});
