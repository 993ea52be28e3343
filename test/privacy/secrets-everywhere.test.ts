import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage, TurnResult } from '../../src/core/types.js';
import { createSupportbot, type Supportbot } from '../../src/index.js';
import { passesLuhn } from '../../src/privacy/luhn.js';
import { normaliseForMatching } from '../../src/privacy/normalise-text.js';
import { createCaptureLogger } from '../core/capture-logger.js';

/**
 * A secret, in the forms people (and attackers) write it, never reaches a reply, a store file, a log
 * line or a recorded transcript. fast-check builds the forms: invisible characters inside numbers,
 * digits of other scripts, dots and slashes as separators, "my pw is", one-time codes in sentences,
 * IBANs, phone numbers without '+', a card number over two messages, "password" in six languages.
 * The README's privacy section lists what is caught and what is not.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'supportbot-secrets-'));
const capture = createCaptureLogger('debug');
let bot: Supportbot;
beforeAll(async () => {
  bot = await createSupportbot({ store: { kind: 'lowdb', path: path.join(dir, 'store', 's.json') }, recordDir: path.join(dir, 'transcripts'), logger: capture.logger });
}, 120_000);
afterAll(async () => {
  await bot.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One case: the messages to send and the secret strings that must not appear anywhere. */
interface Case {
  messages: string[];
  /** Digit secrets: no run of digits in any output may contain these. */
  digits: string[];
  /** Other secrets: no output may contain these (after normalisation). */
  words: string[];
}

const digitArb = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const luhnCard = fc.tuple(fc.constantFrom('4', '5', '37', '6011'), digitArb(18), fc.constantFrom(15, 16)).map(([prefix, body, length]) => {
  const partial = (prefix + body).slice(0, length - 1);
  for (let check = 0; check <= 9; check++) if (passesLuhn(partial + check)) return partial + check;
  throw new Error('unreachable');
});
// Zero-width space, combining grapheme joiner, variation selector 16, word joiner, soft hyphen, a tag character, Mongolian vowel separator.
const invisible = fc.constantFrom('\u200b', '\u034f', '\ufe0f', '\u2060', '\u00ad', '\u{e0031}', '\u180e', '\ufe00');
// The zero of a script's digits: ASCII, full-width, Arabic-Indic, Devanagari, Bengali, Thai, mathematical bold.
const script = fc.constantFrom(0x30, 0xff10, 0x660, 0x966, 0x9e6, 0xe50, 0x1d7ce);
const inScript = (digits: string, zero: number) => [...digits].map((d) => String.fromCodePoint(zero + Number(d))).join('');

const cardCase: fc.Arbitrary<Case> = fc
  .record({ card: luhnCard, sep: fc.constantFrom('', ' ', '-', '.', '/', ' - ', ' / ', '_'), zero: script, hidden: fc.option(invisible, { nil: undefined }), frame: fc.constantFrom('my card is %', '%', 'pay with % please', 'visa %, declined') })
  .map(({ card, sep, zero, hidden, frame }) => {
    const groups = card.match(/.{1,4}/g) ?? [];
    const written = groups.map((g) => [...inScript(g, zero)].join(hidden ?? '')).join(sep);
    return { messages: [frame.replace('%', written)], digits: [card], words: [] };
  });

const splitCardCase: fc.Arbitrary<Case> = fc
  .record({ card: luhnCard, cut: fc.constantFrom(4, 6, 8), sep: fc.constantFrom(' ', '-', ''), lead: fc.constantFrom('', 'and ', 'the rest: ') })
  .map(({ card, cut, sep, lead }) => {
    const write = (digits: string) => (digits.match(/.{1,4}/g) ?? []).join(sep);
    // The first part (at most 8 digits, a card's issuer prefix) may show; the rest and the whole may not.
    return { messages: [write(card.slice(0, cut)), `${lead}${write(card.slice(cut))}`], digits: [card, card.slice(cut)], words: [] };
  });

const passwordValue = fc
  .tuple(fc.stringMatching(/^[A-Za-z]{4,8}$/), digitArb(2), fc.constantFrom('', '!', '#', '%'))
  .map(([letters, digits, symbol]) => `${letters}${digits}${symbol}`)
  .filter((v) => !/^(?:pass|code|card)/i.test(v));
const passwordCase: fc.Arbitrary<Case> = fc
  .record({
    value: passwordValue,
    frame: fc.constantFrom(
      'my password is %', 'my pw is %', 'pwd: %', 'password=%', 'login password: %', 'mi contraseña es %', 'mon mot de passe est %',
      'mein Passwort ist %', 'minha senha é %', 'la mia password è %', '我的密码是%', 'пароль: %', 'my alipay password is now %',
    ),
    hidden: fc.option(invisible, { nil: undefined }),
  })
  .map(({ value, frame, hidden }) => ({ messages: [frame.replace('%', hidden ? `${value.slice(0, 2)}${hidden}${value.slice(2)}` : value)], digits: [], words: [value] }));

const codeCase: fc.Arbitrary<Case> = fc
  .record({
    code: digitArb(6).filter((c) => !/^0/.test(c)),
    frame: fc.constantFrom('the code is %', '% is my code', '% is the verification code', 'my otp is %', 'el código es %', 'le code est %', 'they texted me % as the code', 'verification code: %'),
    zero: script,
  })
  .map(({ code, frame, zero }) => ({ messages: [frame.replace('%', inScript(code, zero))], digits: [code], words: [] }));

function iban(bban: string): string {
  const rearranged = `${bban}DE00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of rearranged) rest = (rest * 10 + Number(d)) % 97;
  return `DE${String(98 - rest).padStart(2, '0')}${bban}`;
}
const ibanCase: fc.Arbitrary<Case> = fc
  .record({ bban: digitArb(18), spaced: fc.boolean(), frame: fc.constantFrom('my iban is %', 'send it to %', '%') })
  .map(({ bban, spaced, frame }) => {
    const value = iban(bban);
    const written = spaced ? (value.match(/.{1,4}/g) ?? []).join(' ') : value;
    return { messages: [frame.replace('%', written)], digits: [bban], words: [value] };
  });

const phoneCase: fc.Arbitrary<Case> = fc
  .oneof(
    digitArb(7).map((d) => `call me on 415${d}`),
    digitArb(9).map((d) => `my number is 07${d.slice(0, 3)} ${d.slice(3)}`),
    digitArb(7).map((d) => `415-${d.slice(0, 3)}-${d.slice(3)}`),
    digitArb(9).map((d) => `whatsapp 447${d}`),
    digitArb(8).map((d) => `13${d.slice(0, 1)}${d}`.slice(0, 11)),
  )
  .map((message) => ({ messages: [message], digits: [message.replace(/\D/g, '')], words: [] }));

const anyCase = fc.oneof(cardCase, splitCardCase, passwordCase, codeCase, ibanCase, phoneCase);

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The parts of a store file about one conversation: its lines of a .jsonl log, or the whole file. */
function ofConversation(text: string, lines: boolean, conversationKey: string): string[] {
  if (lines) return text.split('\n').filter((line) => line.includes(conversationKey));
  return text.includes(conversationKey) ? [text] : [];
}

/** The digits of every run of digits in `text`, however they are written or separated. */
function digitRunsOf(text: string): string[] {
  return (normaliseForMatching(text).match(/\d(?:[^\p{L}\p{N}]{0,3}\d)*/gu) ?? []).map((run) => run.replace(/\D/g, ''));
}

function leaks(outputs: string[], c: Case): string[] {
  const found: string[] = [];
  for (const out of outputs) {
    const runs = digitRunsOf(out);
    const flat = normaliseForMatching(out).replace(/[\s-]/g, '');
    for (const secret of c.digits) if (runs.some((run) => run.includes(secret))) found.push(`${secret} in ${out.slice(0, 300)}`);
    for (const secret of c.words) if (flat.includes(secret)) found.push(`${secret} in ${out.slice(0, 300)}`);
  }
  return found;
}

let n = 0;
describe('a secret in any form it is written', () => {
  it('never reaches a reply, a store file, a log line or a recorded transcript', async () => {
    await fc.assert(
      fc.asyncProperty(anyCase, fc.constantFrom('slack', 'json'), async (c, platform) => {
        const conversationKey = `secrets-${++n}`;
        const logged = capture.lines().length;
        const results: TurnResult[] = [];
        for (const text of c.messages) {
          const message: IncomingMessage = { platform: platform as 'slack', conversationKey, userId: `u${n}`, eventId: `${conversationKey}-${results.length}`, text, receivedAt: Date.now() };
          results.push(await bot.handle(message));
        }
        await (bot.parts.store as { flush?: () => Promise<void> }).flush?.();
        // What this case wrote (other cases' timestamps could hold a 6-digit code by chance).
        const outputs = [
          ...results.map((r) => JSON.stringify(r)),
          ...capture.lines().slice(logged),
          ...filesUnder(path.join(dir, 'store')).flatMap((f) => ofConversation(readFileSync(f, 'utf8'), f.endsWith('.jsonl'), conversationKey)),
          ...filesUnder(path.join(dir, 'transcripts')).filter((f) => f.includes(conversationKey)).map((f) => readFileSync(f, 'utf8')),
        ];
        expect(leaks(outputs, c)).toEqual([]);
        expect(results.some((r) => r.redactions.length > 0)).toBe(true);
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
