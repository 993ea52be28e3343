/**
 * Whatever people write, the report holds no secret: card numbers (also split over two messages),
 * CVVs, one-time codes and passwords go through the real privacy guard before insights record
 * anything, and the report (its JSON and its page) is built only from those records. fast-check
 * writes the conversations, with thumbs clicked here and there so misunderstood lists fill up.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { flowOutlines } from '../../src/cli/insights/report-context.js';
import { createTurnPipeline } from '../../src/core/turn-pipeline.js';
import { renderReportHtml } from '../../src/insights/render-html.js';
import { createInsightsRecorder } from '../../src/insights/recorder.js';
import { buildReportData } from '../../src/insights/report-data.js';
import type { TextModel } from '../../src/insights/misunderstood.js';
import { passesLuhn } from '../../src/privacy/luhn.js';
import { createMemoryInsights } from '../../src/store/insights/memory-insights.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { sharedBot } from './replay-into-insights.js';
import { realTextModel } from './test-model.js';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const card = fc.tuple(fc.constantFrom('4', '5', '37', '6011'), digits(18), fc.constantFrom(15, 16)).map(([prefix, body, length]) => {
  const partial = (prefix + body).slice(0, length - 1);
  for (let check = 0; check <= 9; check++) if (passesLuhn(partial + check)) return partial + check;
  throw new Error('unreachable');
});
const password = fc.tuple(fc.stringMatching(/^[A-Za-z]{5,8}$/), digits(2), fc.constantFrom('!', '#', '')).map(([a, b, c]) => `${a}${b}${c}`).filter((v) => !/^(pass|code|card)/i.test(v));

interface Secretive {
  messages: string[];
  digits: string[];
  words: string[];
}
const cardMessage: fc.Arbitrary<Secretive> = fc
  .record({ card, sep: fc.constantFrom('', ' ', '-'), frame: fc.constantFrom('my card % was declined', 'why does % not work', '%', 'visa %, cvv 123, help') })
  .map(({ card: c, sep, frame }) => ({ messages: [frame.replace('%', (c.match(/.{1,4}/g) ?? []).join(sep))], digits: [c], words: [] }));
const splitCard: fc.Arbitrary<Secretive> = fc.record({ card, cut: fc.constantFrom(6, 8) }).map(({ card: c, cut }) => ({ messages: [`card ${c.slice(0, cut)}`, c.slice(cut)], digits: [c, c.slice(cut)], words: [] }));
const code: fc.Arbitrary<Secretive> = fc
  .record({ code: digits(6).filter((c) => !c.startsWith('0')), frame: fc.constantFrom('the code is %', 'verification code: %', '% is my code but it fails') })
  .map(({ code: c, frame }) => ({ messages: [frame.replace('%', c)], digits: [c], words: [] }));
const cvv: fc.Arbitrary<Secretive> = fc.record({ cvv: digits(3), frame: fc.constantFrom('my cvv is %', 'cvv % and it still fails', 'security code %') }).map(({ cvv: v, frame }) => ({ messages: [frame.replace('%', v)], digits: [], words: [] }));
const pass: fc.Arbitrary<Secretive> = fc
  .record({ value: password, frame: fc.constantFrom('my password is %', 'pw: % and it says wrong', 'login password: %') })
  .map(({ value, frame }) => ({ messages: [frame.replace('%', value)], digits: [], words: [value] }));
const plain: fc.Arbitrary<Secretive> = fc.constantFrom('hello', 'blorp wibble', 'what are the fees?', 'my payment failed', 'no', 'talk to a person').map((m) => ({ messages: [m], digits: [], words: [] }));

const step = fc.oneof(cardMessage, splitCard, code, cvv, pass, plain, plain);
const conversation = fc.record({ steps: fc.array(step, { minLength: 1, maxLength: 4 }), thumbs: fc.constantFrom(undefined, 'feedback:up', 'feedback:down') });

function digitRuns(text: string): string[] {
  return (text.match(/\d(?:[^\p{L}\p{N}]{0,3}\d)*/gu) ?? []).map((run) => run.replace(/\D/g, ''));
}

let model: TextModel;
beforeAll(async () => {
  await sharedBot();
  model = await realTextModel();
}, 120_000);

describe('the report, whatever the conversations held', () => {
  it('never holds a card number, CVV, code or password', async () => {
    const bot = await sharedBot();
    await fc.assert(
      fc.asyncProperty(fc.array(conversation, { minLength: 1, maxLength: 4 }), async (conversations) => {
        const insights = createMemoryInsights();
        const recorder = createInsightsRecorder({ store: insights, retentionDays: 30, flushIntervalMs: 60_000 });
        const pipeline = createTurnPipeline({ ...bot.parts, store: createMemoryStore(), onTurn: (m, r) => recorder.recordTurn(m, r) });
        const secrets: Secretive = { messages: [], digits: [], words: [] };
        for (const [i, c] of conversations.entries()) {
          const base = { platform: 'slack' as const, conversationKey: `c${i}-${randomUUID()}`, userId: `u${i}`, receivedAt: Date.now() };
          for (const s of c.steps) {
            secrets.digits.push(...s.digits);
            secrets.words.push(...s.words);
            for (const text of s.messages) await pipeline.handle({ ...base, eventId: randomUUID(), text });
          }
          if (c.thumbs) await pipeline.handle({ ...base, eventId: randomUUID(), action: c.thumbs });
        }
        await recorder.close();
        const data = await buildReportData(insights.read(0), { since: 0, now: Date.now(), flows: flowOutlines(), model });
        const page = renderReportHtml(data);
        // The page's two scripts are the same code for every report (Chart.js and our drawing script): what varies is the rest.
        const variable = page.replace(/<script>[\s\S]*?<\/script>/g, '');
        const json = JSON.stringify({ ...data, generatedAt: '', since: '', misunderstood: data.misunderstood.map((g) => ({ ...g, id: '' })), perDay: data.perDay.map((d) => ({ ...d, day: '' })) });
        const stored = JSON.stringify(insights.records.map((r) => ({ ...r, at: 0, c: '' })));
        for (const out of [json, variable, stored]) {
          const runs = digitRuns(out);
          for (const secret of secrets.digits) expect(runs.some((run) => run.includes(secret)), `${secret} in ${out.slice(0, 200)}`).toBe(false);
          for (const secret of secrets.words) expect(out.includes(secret), secret).toBe(false);
          // A CVV after its keyword (the placeholder "[cvv]" itself is fine).
          expect(out).not.toMatch(/(?<!\[)(cvv|security code)(?!\])\W{0,3}\d{3}/i);
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
