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
 * ratchet over the reported set and the developers' sets whose failures were read: every scenario
 * not listed here must pass, and a listed one that starts passing must be taken off the list, so
 * the lists always say what is still wrong. (`real-style-dev5` and `real-style-dev6-held` are kept unread: not here.)
 */
const KNOWN_GAPS: Record<string, Record<string, string>> = {
  'real-style': {
    'declined-risk-control-then-solved.yaml': '"do i need my passport for this?" mid-flagged answers with the passport-for-limits section',
    'info-fees-followups.yaml': '"and on debit?" after a fee answer searches debit cards, not fees on debit',
    'info-limits-followups.yaml': '"the most I can pay" ranks the Alipay-fees section over the limits one',
  },
  'real-style-dev': {
    'info-tour-pass-shanghai-trip.yaml': '"can i still use it to buy on alibaba?" after the Tour Pass ranks the checkout section first',
    'setup-has-account-skips-card-asks-passport.yaml': '"passport is really needed?" is answered with the passport section, which says "how much you can pay", not "limit"',
    'verify-code-roaming-dubai.yaml': "a code that does not come \"doing the verification\" is read as setting up, and the setup flow's code step answers",
    'verify-flagged-payment-not-mine.yaml': 'a payment to confirm that the person never made gets the flagged-payment answer, not the report-it one',
  },
  'real-style-dev2': {
    'declined-card-not-supported-cib-debit.yaml': '"usage abroad… i left it off" is not read as international payments off',
    'declined-flagged-risk-zenith-dollar-card.yaml': '"which ID is better, NIN slip or passport?" mid-task gets the flagged-payment section',
    'declined-verify-prompt-hdfc-statement.yaml': '"the statement pdf is locked, the app won\'t take it" mid-task finds no answer',
    'info-fees-iof-exchange-brazil.yaml': '"52 dollars came as R$ 289 on my statement, why?" is read as paying on Alibaba and answered with limits',
    'info-tour-pass-trip-germany.yaml': '"must I open a bank account in China for this?" after the Tour Pass is read as out of scope',
    'link-code-not-arriving-meezan-debit.yaml': '"so I just type it in the app?" beside "it came now" is searched in the contact step\'s context',
    'link-prepaid-gcash-virtual-mastercard.yaml': '"same error pa rin" with "online and international are enabled" is read as out of scope',
    'pay-alipay-missing-at-checkout-mexico.yaml': '"only the 2 options" at "did you find it?" goes to Alibaba support, not to what the guides say on other ways to pay',
    'pay-first-order-nervous-philippines.yaml': 'a nervous first payment ("guide me step by step how to pay") starts linking a card, since the card is linked in the story',
    'pay-page-hangs-vietnam.yaml': 'a hanging payment page is answered with the glitch section and a walkthrough offer, not walked through',
    'pay-paid-but-order-unpaid-nigeria.yaml': '"should I pay once more so he ships?" is answered from the total-cost and refund sections',
    'setup-forgot-payment-password-equity.yaml': '"should I write the new password down?" gets the forgotten-password section again',
    'setup-phone-invalid-telcel-country-list.yaml': '"can I use a Google Voice number instead?" at who to contact is searched against the contact sections just shown',
    'verify-pending-bca-shopee-detour.yaml': '"can I still pay while it is under review?" gets the review-time section',
    'verify-test-charge-bbva-charged-twice.yaml': '"I added the card twice, so they keep both?" is answered with the glitch section',
  },
  'real-style-dev3': {
    'declined-risk-hold-id-upload.yaml': '"is it safe to send a passport photo?" mid-task gets the passport-for-limits section, not safety',
    'info-tour-pass-canton-fair.yaml': 'the Tour Pass answer opens with what it is; the words "virtual" and "prepaid" come in the next section',
    'info-two-factor-login-phone-change.yaml': '"does the code come by sms or do I download another app?" after two-factor is read as setting up an account',
    'link-cannot-find-card-section.yaml': '"no Me tab, the last one says Account" at "after updating, can you see it?" is taken as still not there',
    'link-card-details-old-billing-address.yaml': '"the bank may still have my old address" is read as a declined payment and answered with card-not-accepted',
    'link-jcb-card-not-supported.yaml': '"it says this card is not supported" after the card details goes back to "is your card enabled?"',
    'pay-payment-stuck-processing.yaml': '"the supplier says pay once more, should I?" gets the first-payment section',
    'pay-supplier-asks-payment-outside.yaml': 'a supplier asking for a bank transfer outside Alibaba is read as a declined payment',
    'setup-foreign-number-not-accepted.yaml': '"can I sign up with my brother\'s French number?" at the number step gets what to tell support',
    'setup-old-account-from-trip.yaml': '"reset it, done; my old card expired, I have a new one" goes back to "is your card enabled?" without a section',
    'verify-why-passport-small-payment.yaml': '"the DHL tracking of another order is stuck, who do I ask?" mid-verification gets the review-time section',
  },
  'real-style-dev4': {
    'declined-app-froze-dominican-republic.yaml': '"tried again, now it says system busy" after the glitch advice goes to Alipay support (the bank saw nothing), not to the other glitch tips',
    'declined-app-froze-mongolia.yaml': '"tried again on the phone, same white screen, what else?" after the glitch advice goes to Alipay support, not to updating the app',
    'declined-daily-limit-usa.yaml': '"she raised it for 48 hrs, gonna try again" names the limit, which restarts the limit step',
    'link-amex-newzealand.yaml': '"do I ring them first or just add it?" is answered, with linking offered rather than started',
    'setup-new-account-cambodia.yaml': '"ok set it. the card I link later, I ask my boss first" is read as a plan and keeps the place before taking "set it"',
    'pay-alipay-missing-costarica.yaml': '"so now I just click pay now?" at the order check answers pay-now, not the check first',
    'pay-double-pending-czech-republic.yaml': '"who fixes the order status, the seller?" gets the order-refund section',
    'setup-old-account-myanmar.yaml': '"where do I download it, many Alipay apps" answers instead of starting the setup walkthrough',
    'setup-old-account-password-serbia.yaml': '"my old card is still linked but expired, add the new one?" reads as linked and a wrong-details decline',
    'verify-test-charge-ireland.yaml': 'a card-check charge not back after 9 days is answered as a refund, the walkthrough not started',
    'verify-test-charge-not-back-zambia.yaml': '"so I go to Zanaco for both things?" gets the fee sections, not the card issuer',
  },
  'real-style-dev6': {
    'declined-foreign-limit-mongolia.yaml': '"the seller says I can pay half now, half next week, does that help?" gets Alibaba support, not splitting the payment under the limit',
    'declined-page-spins-cyprus.yaml': '"where do I see if the first one went through? the order still says awaiting payment" at the glitch step is read as still failing and goes to who to contact',
    'info-scam-sms-zambia.yaml': '"changing the password now, should I also tell my bank?" gets the forgotten-password section, not the card issuer',
    'link-old-billing-address-estonia.yaml': '"type the old address in Alipay or change it at the bank?" finds the order-check section (a shipping address)',
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
