/**
 * A small stand-in for the core, for transport tests: dedupes event ids like the real pipeline,
 * redacts card numbers, records what it was given, and answers with buttons and a citation.
 */
import { ACTIONS } from '../../../src/core/actions.js';
import { privacyNotice, secretsToRemove } from '../../../src/core/privacy-notice.js';
import type { TurnHooks, TurnPipeline } from '../../../src/core/turn-pipeline.js';
import type { IncomingMessage, TurnResult } from '../../../src/core/types.js';

export const CARD_PATTERN = /\b(?:\d[ -]?){13,19}\b/g;

export interface FakePipeline extends TurnPipeline {
  /** Every non-duplicate message, as the core saw it (text redacted). */
  readonly received: IncomingMessage[];
  /** Every call, duplicates included. */
  readonly calls: IncomingMessage[];
}

export function createFakePipeline(): FakePipeline {
  const seen = new Set<string>();
  const received: IncomingMessage[] = [];
  const calls: IncomingMessage[] = [];
  return {
    received,
    calls,
    async handle(message, hooks?: TurnHooks) {
      calls.push(message);
      const base: TurnResult = {
        conversationKey: message.conversationKey,
        userId: message.userId,
        platform: message.platform,
        intent: null,
        confidence: 1,
        flow: null,
        step: null,
        replies: [],
        citations: [],
        handoff: false,
        duplicate: false,
        redactions: [],
      };
      if (seen.has(message.eventId)) return { ...base, duplicate: true };
      // A core that fails (it should not, but an adapter must survive it).
      if (message.text?.includes('explode')) throw new Error('the fake core exploded');
      seen.add(message.eventId);
      const redactions: string[] = [];
      const redactedText = message.text?.replace(CARD_PATTERN, () => {
        redactions.push('card_number');
        return '[card number]';
      });
      received.push(redactedText === undefined ? message : { ...message, text: redactedText });
      // Like the core: the adapter may remove the message, then one notice says what happened.
      const kinds = secretsToRemove(redactions);
      const exposure = kinds.length > 0 ? await hooks?.removeSecret?.(kinds) : undefined;
      const notice = redactions.length > 0 ? [{ text: privacyNotice(redactions, exposure), buttons: [], citations: [] }] : [];

      if (message.action === ACTIONS.handBack) {
        return { ...base, replies: [{ text: 'The bot is back. How can I help?', buttons: [], citations: [] }] };
      }
      const wantsPerson = message.action === ACTIONS.human || /\bperson\b/i.test(redactedText ?? '');
      const said = redactedText ?? `clicked ${message.action}`;
      const citation = { source: 'guide-one.md', section: 'declines#why', title: 'Why cards are declined' };
      const result: TurnResult = {
        ...base,
        redactions,
        ...(redactedText !== undefined ? { redactedText } : {}),
        replies: [
          ...notice,
          {
            text: `You said: ${said}`,
            buttons: wantsPerson
              ? []
              : [
                  { label: 'My card was declined', value: 'intent:payment_declined' },
                  { label: 'Talk to a person', value: ACTIONS.human },
                ],
            citations: [citation],
          },
        ],
        citations: [citation],
      };
      if (wantsPerson) {
        result.handoff = true;
        result.handoffSummary = {
          reason: 'asked for a person',
          problem: said,
          flow: 'payment_declined',
          stepsTried: ['checked the card network', 'explained 3-D Secure'],
          userId: message.userId,
          conversationKey: message.conversationKey,
          platform: 'discord',
        };
      }
      return result;
    },
  };
}
