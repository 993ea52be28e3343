import { describe, expect, it } from 'vitest';
import { pickButton, renderTurn } from '../../src/cli/terminal-render.js';
import { createStyle } from '../../src/cli/terminal-style.js';
import type { TurnResult } from '../../src/core/types.js';

const buttons = [
  { label: 'Visa', value: 'card:visa' },
  { label: 'Mastercard', value: 'card:mastercard' },
];
const result: TurnResult = {
  conversationKey: 'c',
  userId: 'u',
  platform: 'console',
  intent: 'link_card',
  confidence: 0.9,
  flow: 'link_card',
  step: 'which_card',
  replies: [{ text: 'Which card do you have?', buttons, citations: [] }],
  citations: [{ source: 'Guide', section: 'link-card#networks', title: 'Accepted cards' }],
  handoff: false,
  duplicate: false,
  redactions: [],
};
const tty = { isTTY: true } as NodeJS.WriteStream;

describe('the terminal chat', () => {
  it('shows buttons as numbered choices and a small source line naming the section by its title only', () => {
    const text = renderTurn(result, createStyle({ isTTY: false } as NodeJS.WriteStream, {}));
    expect(text).toBe(['bot › Which card do you have?', '      1) Visa', '      2) Mastercard', '      Source: Accepted cards'].join('\n'));
  });

  it('renders the knowledge base\'s Markdown: bold text and bullets, not asterisks and dashes', () => {
    const plain = createStyle({ isTTY: false } as NodeJS.WriteStream, {});
    const text = renderTurn({ ...result, replies: [{ text: 'Three parties:\n\n- **Alibaba**: orders\n- *Alipay*: cards', buttons: [], citations: [] }] }, plain);
    expect(text).toContain('• Alibaba: orders');
    expect(text).toContain('• Alipay: cards');
    expect(text).not.toContain('*');
    expect(renderTurn({ ...result, replies: [{ text: '**Alibaba**', buttons: [], citations: [] }] }, createStyle(tty, {}))).toContain('\x1b[1mAlibaba\x1b[22m');
  });

  it('never marks a turn as handed over: nobody from the team watches a terminal', () => {
    const text = renderTurn({ ...result, handoff: true }, createStyle({ isTTY: false } as NodeJS.WriteStream, {}));
    expect(text).not.toContain('handed over');
  });

  it('uses colour on a TTY but never with NO_COLOR', () => {
    expect(renderTurn(result, createStyle(tty, {}))).toContain('\x1b[');
    expect(renderTurn(result, createStyle(tty, { NO_COLOR: '1' }))).not.toContain('\x1b[');
  });

  it('picks a choice by its number or by typing its label, and otherwise treats input as a message', () => {
    expect(pickButton('2', buttons)?.value).toBe('card:mastercard');
    expect(pickButton(' visa ', buttons)?.value).toBe('card:visa');
    expect(pickButton('7', buttons)).toBeUndefined();
    expect(pickButton('my visa was declined', buttons)).toBeUndefined();
  });
});

describe('wrapping long replies in the terminal', () => {
  it('breaks between words and indents under the prompt', async () => {
    const { wrapText } = await import('../../src/cli/terminal-render.js');
    expect(wrapText('one two three four five six seven eight nine ten eleven twelve', 32)).toBe(
      // 32 columns less the 6-column indent leaves 26 for words on each line
      'one two three four five\n      six seven eight nine ten\n      eleven twelve',
    );
  });
});
