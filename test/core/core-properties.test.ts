import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { trainingUtterances } from '../support/training-utterances.js';
import { createSupportbot, type Supportbot } from '../../src/index.js';
import type { IncomingMessage } from '../../src/core/types.js';
import { passesLuhn } from '../../src/privacy/luhn.js';
import { createCaptureLogger } from './capture-logger.js';
import { turnResultSchema } from './turn-result-schema.js';

/**
 * Properties of the whole core with its real parts (classifier, dialogue, knowledge, memory store):
 * whatever a person types or clicks, in whatever state, the bot answers validly and never stores,
 * says or logs a secret.
 */
const capture = createCaptureLogger('debug');
let bot: Supportbot;
// Loading may retrain the classifier when intents/ changed since the model was built.
beforeAll(async () => {
  bot = await createSupportbot({ logger: capture.logger });
}, 120_000);
afterAll(async () => {
  await bot?.close();
});

type Step = { kind: 'text'; text: string } | { kind: 'button'; pick: number } | { kind: 'action'; value: string } | { kind: 'repeat' };

const utterances = trainingUtterances();
const text = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...utterances) },
  { weight: 2, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 120 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '👍', '🇨🇳🇨🇳', 'مرحبا', '\u202eabc', '\u0000\u0007', '<@U123> help', '```code```', 'x'.repeat(5000)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...utterances), fc.constantFrom(...utterances)).map(([a, b]) => `${a}. ${b}`) },
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: text.map((t) => ({ kind: 'text' as const, text: t })) },
  { weight: 4, arbitrary: fc.nat(20).map((pick) => ({ kind: 'button' as const, pick })) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 40 }).map((value) => ({ kind: 'action' as const, value })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'repeat' as const }) },
);

let run = 0;

describe('the core, for any input in any state', () => {
  it('gives a valid result, never throws, never fails, and leaves a stored state the dialogue can read (also after a JSON round trip)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const conversationKey = `prop-${++run}`;
        let buttons: string[] = [];
        let lastEventId: string | undefined;
        let version = 0;
        let handedOff = false;
        for (const [i, s] of steps.entries()) {
          const base = { platform: 'json' as const, conversationKey, userId: `user-${run}`, receivedAt: Date.now() };
          let message: IncomingMessage;
          if (s.kind === 'repeat' && lastEventId) message = { ...base, eventId: lastEventId, text: 'again' };
          else if (s.kind === 'button' && buttons.length > 0) message = { ...base, eventId: `${conversationKey}-${i}`, action: buttons[s.pick % buttons.length]! };
          else if (s.kind === 'action') message = { ...base, eventId: `${conversationKey}-${i}`, action: s.value };
          else message = { ...base, eventId: `${conversationKey}-${i}`, text: s.kind === 'text' ? s.text : 'hello' };
          lastEventId = message.eventId;

          const result = turnResultSchema.parse(await bot.handle(message));
          expect(result.errorRef, `turn failed: ${JSON.stringify(message).slice(0, 200)}`).toBeUndefined();
          if (!result.duplicate) version += 1;
          // Silence is only allowed for a repeated event, or while the person is with staff after a handoff.
          if (!result.duplicate && !handedOff) expect(result.replies.length, `no reply to ${JSON.stringify(message).slice(0, 200)}`).toBeGreaterThan(0);
          handedOff ||= result.handoff;
          const record = await bot.parts.store.get(conversationKey);
          expect(record?.version).toBe(version);
          expect(() => bot.parts.dialogue.parseState(record?.state)).not.toThrow();
          expect(() => bot.parts.dialogue.parseState(JSON.parse(JSON.stringify(record?.state)))).not.toThrow();
          if (!result.duplicate) buttons = result.replies.flatMap((r) => r.buttons.map((b) => b.value));
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('never stores, says, records or logs a pasted card number, code or password', async () => {
    const card = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 17 })
      .map((body) => {
        const partial = `4${body.join('')}`;
        for (let check = 0; check <= 9; check++) if (passesLuhn(partial + check)) return partial + check;
        throw new Error('unreachable');
      });
    const layout = fc.constantFrom('plain', 'spaces', 'dashes');
    const secret = fc.tuple(card, layout, fc.integer({ min: 100000, max: 999999 }), fc.constantFrom('hunter2x', 'S3cr3t!pw', '135790'));
    const around = fc.oneof(fc.constantFrom(...utterances), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));
    await fc.assert(
      fc.asyncProperty(secret, around, around, fc.nat(3), async ([digits, how, otp, password], before, after, template) => {
        const grouped = how === 'plain' ? digits : digits.match(/.{1,4}/g)!.join(how === 'spaces' ? ' ' : '-');
        const texts = [
          `${before} ${grouped} ${after}`,
          `${before} my card is ${grouped}, the code is ${otp}`,
          `${after} my password is ${password}`,
          `cvv ${String(otp).slice(0, 3)} and otp: ${otp} ${before}`,
        ];
        const conversationKey = `secret-${++run}`;
        const seen: unknown[] = [];
        const linesBefore = capture.lines().length;
        for (const [i, t] of [texts[template % texts.length]!, ...texts].entries()) {
          seen.push(await bot.handle({ platform: 'json', conversationKey, userId: 'u', eventId: `${conversationKey}-${i}`, text: t, receivedAt: 0 }));
        }
        seen.push(await bot.parts.store.get(conversationKey));
        seen.push(...capture.lines().slice(linesBefore).map((line) => JSON.parse(line) as unknown));
        // Only the strings: a number such as a confidence or a timestamp may hold any six digits by chance.
        for (const where of seen.map((value) => stringsIn(value).join(' | '))) {
          expect(where.replace(/[\s-]/g, '')).not.toContain(digits);
          expect(where).not.toContain(String(otp));
          expect(where).not.toContain(password);
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(stringsIn);
}

