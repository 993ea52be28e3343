import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createSupportbot, type Supportbot } from '../../src/index.js';
import { createCoreChannelFactory } from '../../src/transcripts/core-channel.js';
import { formatFailure } from '../../src/transcripts/format-failure.js';
import { loadTranscript } from '../../src/transcripts/load-transcript.js';
import { replayTranscript } from '../../src/transcripts/replayer.js';

/**
 * The real-style scenarios were written blind (docs/understanding.md), so not all pass. This is a
 * ratchet over the reported set and the two developers' sets whose failures were read: every
 * scenario not listed here must pass, and a listed one that starts passing must be taken off the
 * list, so the lists always say what is still wrong. (`real-style-dev3` is kept unread: not here.)
 */
const KNOWN_GAPS: Record<string, Record<string, string>> = {
  'real-style': {
    'declined-risk-control-then-solved.yaml': '"do i need my passport for this?" mid-flagged answers with the passport-for-limits section',
    'info-fees-followups.yaml': '"and on debit?" after a fee answer searches debit cards, not fees on debit',
    'info-limits-followups.yaml': '"the most I can pay" ranks the Alipay-fees section over the limits one',
  },
  'real-style-dev': {
    'info-daily-max-then-verification-and-own-limit.yaml': '"and my bank can also block 15000?" leans on the topic before last (limits), read against the last (verification)',
    'info-tour-pass-shanghai-trip.yaml': '"can i still use it to buy on alibaba?" after the Tour Pass ranks the checkout section first',
    'setup-has-account-skips-card-asks-passport.yaml': '"passport is really needed?" is answered with the passport section, which says "how much you can pay", not "limit"',
    'verify-code-roaming-dubai.yaml': "a code that does not come \"doing the verification\" is read as setting up, and the setup flow's code step answers",
    'verify-flagged-payment-not-mine.yaml': 'a payment to confirm that the person never made gets the flagged-payment answer, not the report-it one',
  },
  'real-style-dev2': {
    'declined-card-not-supported-cib-debit.yaml': '"usage abroad… i left it off" is not read as international payments off',
    'declined-flagged-risk-zenith-dollar-card.yaml': "\"which ID is better, NIN slip or passport?\" mid-task gets the step's own flagged-payment section",
    'declined-over-limit-passport-side-call-bank-korea.yaml': '"alipay asked for my passport and I skipped it, related?" gets the flagged-payment section',
    'declined-verify-prompt-hdfc-statement.yaml': '"the statement pdf is locked, the app does not take it" finds nothing to answer',
    'info-fees-iof-exchange-brazil.yaml': 'a statement higher than the dollar rate is read as paying on Alibaba and answered with limits',
    'info-name-on-card-differs-turkey.yaml': "\"what exactly is Alipay checking with the card?\" mid-verification gets the step's own section",
    'info-tour-pass-trip-germany.yaml': '"must I open a bank account in China for this?" after the Tour Pass is read as out of scope',
    'link-code-not-arriving-meezan-debit.yaml': "\"so I just type it in the app?\" beside \"it came now\" is searched in the contact step's context",
    'link-prepaid-gcash-virtual-mastercard.yaml': '"same error pa rin" with "online and international are enabled" is read as out of scope',
    'pay-alipay-missing-at-checkout-mexico.yaml': '"only the 2 options" at "did you find it?" goes to Alibaba support, not to what the guides say on other ways to pay',
    'pay-first-order-nervous-philippines.yaml': "a first-time buyer's long backstory (\"my small online shop\") reads as a declined payment",
    'pay-page-hangs-vietnam.yaml': 'a hanging payment page is answered with the glitch section and a walkthrough offer, not walked through',
    'pay-paid-but-order-unpaid-nigeria.yaml': '"should I pay once more so he ships?" is answered from the total-cost and refund sections',
    'setup-phone-invalid-telcel-country-list.yaml': '"can I use a Google Voice number instead?" at who to contact is searched against the contact sections just shown',
    'setup-forgot-payment-password-equity.yaml': '"should I write the new password down?" gets the forgotten-password section again',
    'verify-pending-bca-shopee-detour.yaml': '"can I still pay while it is under review?" gets the review-time section',
    'verify-test-charge-bbva-charged-twice.yaml': '"12 days and still not back" starts the verification flow instead of answering about refund times',
  },
};

const folders = Object.keys(KNOWN_GAPS);

let bot: Supportbot;
beforeAll(async () => {
  bot = await createSupportbot({ store: { kind: 'memory' } });
});
afterAll(async () => {
  await bot.close();
});

describe.each(folders)('the real-style scenarios in %s pass, except the known gaps listed with their cause', (folder) => {
  const dir = fileURLToPath(new URL(`./${folder}/`, import.meta.url));
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  const gaps = KNOWN_GAPS[folder] ?? {};

  it('lists only gaps that are scenarios', () => {
    expect(Object.keys(gaps).filter((name) => !files.includes(name))).toEqual([]);
  });

  it.each(files)('%s', async (file) => {
    const full = path.join(dir, file);
    const { transcript } = await loadTranscript(full);
    const result = await replayTranscript(transcript, createCoreChannelFactory(bot.parts), full);
    const gap = gaps[file];
    if (gap) {
      if (result.passed) expect.fail(`${folder}/${file} passes now: take it off KNOWN_GAPS (was: ${gap})`);
      return;
    }
    if (!result.passed) expect.fail(`\n${formatFailure(result)}`);
  });
});
