import { describe, expect, it } from 'vitest';
import {
  ACTION_IDS,
  choiceLine,
  escapeMrkdwn,
  renderChoiceMade,
  renderHandoffSummary,
  renderReply,
  splitForSections,
  toMrkdwn,
} from '../../../src/adapters/slack/render.js';
import type { Reply } from '../../../src/core/types.js';

const reply = (over: Partial<Reply> = {}): Reply => ({ text: 'Which card do you have?', buttons: [], citations: [], ...over });

describe('rendering a reply as Block Kit', () => {
  it('puts the text in a section and gives a plain-text fallback', () => {
    const message = renderReply(reply());
    expect(message.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'Which card do you have?' } }]);
    expect(message.text).toBe('Which card do you have?');
  });

  it('renders buttons as one actions block with unique action ids and the button values', () => {
    const message = renderReply(reply({ buttons: [{ label: 'Visa', value: 'card:visa' }, { label: 'Mastercard', value: 'card:mastercard' }] }));
    const actions = message.blocks.find((b) => b.type === 'actions') as unknown as { elements: Array<{ action_id: string; value: string; text: { text: string } }> };
    expect(actions.elements.map((e) => e.value)).toEqual(['card:visa', 'card:mastercard']);
    expect(actions.elements.map((e) => e.text.text)).toEqual(['Visa', 'Mastercard']);
    expect(new Set(actions.elements.map((e) => e.action_id)).size).toBe(2);
    expect(actions.elements.every((e) => e.action_id.startsWith(ACTION_IDS.choicePrefix))).toBe(true);
    expect(message.text).toContain('Choices: Visa | Mastercard');
  });

  it('renders citations as a context line after the text', () => {
    const message = renderReply(reply({ citations: [{ source: 'alipay-guide.txt', section: 'fees#rates', title: 'Fees' }] }));
    expect(message.blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Source: Fees (alipay-guide.txt)' }] });
  });

  it('splits text longer than a section allows, losing nothing', () => {
    const long = Array.from({ length: 400 }, (_, i) => `Sentence number ${i}.`).join(' ');
    const pieces = splitForSections(long, 3000);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.every((p) => p.length <= 3000)).toBe(true);
    expect(pieces.join(' ')).toBe(long);
    expect(renderReply(reply({ text: long })).blocks.filter((b) => b.type === 'section')).toHaveLength(pieces.length);
  });

  it('escapes markup so text can never ping a channel or fake a link', () => {
    expect(escapeMrkdwn('<!channel> & <http://x|y>')).toBe('&lt;!channel&gt; &amp; &lt;http://x|y&gt;');
    expect(toMrkdwn('**Fees** see [the guide](https://example.com/g)\n- one')).toBe('*Fees* see <https://example.com/g|the guide>\n• one');
  });

  it('never renders a choice that carries a staff action (hand-back has its own, staff-only button)', () => {
    const message = renderReply(reply({ buttons: [{ label: 'Release', value: 'handoff:release' }, { label: 'Visa', value: 'card:visa' }] }));
    expect(JSON.stringify(message.blocks)).not.toContain('handoff:release');
    expect(message.text).not.toContain('Release');
  });

  it('truncates labels to Slack\'s 75 characters', () => {
    const message = renderReply(reply({ buttons: [{ label: 'x'.repeat(100), value: 'v' }] }));
    expect(JSON.stringify(message.blocks)).toContain(`${'x'.repeat(74)}…`);
  });
});

describe('showing a choice in place of the buttons', () => {
  it('replaces the actions block with a context line and keeps the rest', () => {
    const blocks = renderReply(reply({ buttons: [{ label: 'Visa', value: 'card:visa' }], citations: [{ source: 's', section: 'a#b', title: 'T' }] })).blocks;
    const after = renderChoiceMade(blocks, choiceLine('Visa', 'U1', true));
    expect(after.map((b) => b.type)).toEqual(['section', 'context', 'context']);
    expect(JSON.stringify(after[1])).toContain('You chose: *Visa*');
    expect(choiceLine('Visa', 'U1', false)).toBe('<@U1> chose: *Visa*');
  });
});

describe('the handoff summary', () => {
  const summary = {
    reason: 'asked for a person',
    problem: 'card [card number] declined <!channel>',
    flow: 'payment_declined',
    stepsTried: ['checked the card network', 'tried 3-D Secure'],
    userId: 'UALICE001',
    conversationKey: 'slack:T1:C9:5.000001',
    platform: 'slack' as const,
  };

  it('says who, where, why and what was tried, with a hand-back button carrying the signed conversation', () => {
    const message = renderHandoffSummary(summary, { channel: 'C9', threadTs: '5.000001' }, 'slack:T1:C9:5.000001~signature', 'https://acme.slack.com/');
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('<@UALICE001>');
    expect(json).toContain('<#C9> · <https://acme.slack.com/archives/C9/p5000001|open the thread>');
    expect(json).toContain('payment_declined');
    expect(json).toContain('• tried 3-D Secure');
    expect(json).toContain('&lt;!channel&gt;');
    const button = (message.blocks.find((b) => b.type === 'actions') as unknown as { elements: Array<{ action_id: string; value: string }> }).elements[0];
    expect(button).toMatchObject({ action_id: ACTION_IDS.handBack, value: 'slack:T1:C9:5.000001~signature' });
  });
});
