import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createButtonCodec, CUSTOM_ID_MAX } from '../../../src/adapters/discord/custom-id.js';
import { markChoice, MESSAGE_MAX, renderCitations, renderReply } from '../../../src/adapters/discord/render.js';
import { renderHandoff } from '../../../src/adapters/discord/render-handoff.js';
import { splitText } from '../../../src/adapters/discord/split-text.js';

const citation = { source: 'guide-one.md', section: 'cards#declines', title: 'Declined cards' };

describe('splitText', () => {
  it('keeps every chunk within the limit and loses only whitespace at the cuts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6000 }), fc.integer({ min: 1, max: 300 }), (text, max) => {
        const chunks = splitText(text, max);
        for (const c of chunks) expect(c.length).toBeLessThanOrEqual(max);
        expect(chunks.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
      { numRuns: 200 },
    );
  });

  it('prefers paragraph breaks', () => {
    const text = `${'a'.repeat(1200)}\n\n${'b'.repeat(1200)}`;
    expect(splitText(text, 2000)).toEqual(['a'.repeat(1200), 'b'.repeat(1200)]);
  });
});

describe('renderReply', () => {
  const codec = createButtonCodec();

  it('puts buttons in rows of five, at most five rows, with short unique custom ids', () => {
    const buttons = Array.from({ length: 27 }, (_, i) => ({ label: `Choice ${i}`, value: i === 3 ? `flow:${'x'.repeat(200)}` : `v:${i % 2}` }));
    const { bodies, droppedButtons } = renderReply({ text: 'Pick one', buttons, citations: [] }, codec);
    const rows = bodies.at(-1)?.components ?? [];
    expect(rows.map((r) => r.components.length)).toEqual([5, 5, 5, 5, 5]);
    expect(droppedButtons).toBe(2);
    const ids = rows.flatMap((r) => r.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(new Set(ids).size).toBe(ids.length);
    expect(codec.decode(ids[3]!)).toEqual({ kind: 'action', value: `flow:${'x'.repeat(200)}` });
    expect(codec.decode(ids[1]!)).toEqual({ kind: 'action', value: 'v:1' });
  });

  it('splits long text under 2000 characters and ends with the source line and the buttons', () => {
    const text = Array.from({ length: 60 }, (_, i) => `Paragraph ${i}: ${'word '.repeat(20)}`).join('\n\n');
    const { bodies } = renderReply({ text, buttons: [{ label: 'OK', value: 'ok' }], citations: [citation] }, codec);
    expect(bodies.length).toBeGreaterThan(1);
    for (const b of bodies) expect(b.content.length).toBeLessThanOrEqual(MESSAGE_MAX);
    expect(bodies.at(-1)?.content).toMatch(/\n-# Source: Declined cards \(guide-one\.md\)$/);
    expect(bodies.slice(0, -1).every((b) => b.components.length === 0)).toBe(true);
    expect(bodies.at(-1)?.components).toHaveLength(1);
    expect(bodies.every((b) => b.allowed_mentions.parse.length === 0)).toBe(true);
  });

  it('lists several sources on one small line', () => {
    expect(renderCitations([citation, { source: 'guide-two.md', section: 'x#y', title: 'Fees' }])).toBe(
      '-# Sources: Declined cards (guide-one.md) · Fees (guide-two.md)',
    );
  });

  it('renders nothing for an empty reply', () => {
    expect(renderReply({ text: '', buttons: [], citations: [] }, codec).bodies).toEqual([]);
  });
});

describe('markChoice', () => {
  it('disables every button and marks the chosen one', () => {
    const rows = [
      {
        type: 1,
        components: [
          { type: 2, style: 1, label: 'A', custom_id: 'sb:0:a' },
          { type: 2, style: 2, label: 'B', custom_id: 'sb:1:b' },
        ],
      },
    ] as const;
    const marked = markChoice(structuredClone(rows) as never, 'sb:1:b');
    expect(marked[0]?.components).toEqual([
      { type: 2, style: 2, label: 'A', custom_id: 'sb:0:a', disabled: true },
      { type: 2, style: 3, label: 'B', custom_id: 'sb:1:b', disabled: true },
    ]);
  });
});

describe('custom ids', () => {
  it('leaves foreign ids alone and knows when a long value was forgotten', () => {
    const codec = createButtonCodec();
    expect(codec.decode('something-else')).toEqual({ kind: 'foreign' });
    expect(codec.decode('sbh:0:unknownhash')).toEqual({ kind: 'expired' });
  });

  it('carries the signed conversation for a hand-back', () => {
    const codec = createButtonCodec();
    const id = codec.encodeHandBack('discord:thread:1700000000000000001');
    expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(codec.decode(id)).toEqual({ kind: 'hand_back', conversationKey: 'discord:thread:1700000000000000001' });
  });

  it('never renders a choice that carries a staff action', () => {
    const codec = createButtonCodec();
    const { bodies } = renderReply({ text: 'x', buttons: [{ label: 'Release', value: 'handoff:release' }, { label: 'Visa', value: 'card:visa' }], citations: [] }, codec);
    expect(JSON.stringify(bodies)).not.toContain('handoff:release');
    expect(JSON.stringify(bodies)).toContain('card:visa');
  });
});

describe('renderHandoff', () => {
  const summary = {
    reason: 'asked for a person',
    problem: 'card declined twice',
    flow: 'payment_declined',
    stepsTried: ['checked the network'],
    userId: '1500000000000000001',
    conversationKey: 'discord:dm:1400000000000000001',
    platform: 'discord' as const,
  };

  it('pings only the support role and offers the hand-back button', () => {
    const body = renderHandoff(summary, '1200000000000000003', createButtonCodec());
    expect(body.content.startsWith('<@&1200000000000000003> ')).toBe(true);
    expect(body.content).toContain('direct message');
    expect(body.content).toContain('- checked the network');
    expect(body.allowed_mentions).toEqual({ parse: [], roles: ['1200000000000000003'] });
    expect(body.components[0]?.components[0]).toMatchObject({ label: 'Hand back to the bot' });
  });

  it('pings nobody without a support role', () => {
    expect(renderHandoff(summary, undefined, createButtonCodec()).allowed_mentions).toEqual({ parse: [] });
  });
});
