/**
 * "What are the fees?", "limits?", "tell me about refunds": a question that only names its topic
 * asks for the topic as a whole, so it gets the topic's own sections (as a click on it would),
 * not whichever single section a search ranks first for the bare word ("fees" alone finds the
 * section on paying less in fees).
 */
import { normalise } from './button-values.js';
import type { INFO_TOPICS } from './info-topics.js';

type InfoTopicName = keyof typeof INFO_TOPICS;

/** Words that only name a topic. */
const TOPIC_WORDS: Readonly<Record<InfoTopicName, readonly string[]>> = {
  // Not "exchange rate": that has a section of its own.
  fees_and_rates: ['fee', 'fees', 'charge', 'charges', 'cost', 'costs', 'commission', 'commissions'],
  limits: ['limit', 'limits', 'cap', 'caps', 'maximum', 'max', 'limitation', 'limitations'],
  security: ['security', 'safety', 'safe', 'secure'],
  tour_pass: ['tour', 'pass', 'tourpass'],
  pending_payment: ['pending', 'payments', 'payment'],
  refunds: ['refund', 'refunds', 'money', 'back'],
};

/**
 * Words around a topic's name that ask nothing more specific. Not "alipay": "alipay fees?", "is
 * alipay safe", "alipay limits" ask about Alipay's own fee, safety or limits, which have sections
 * of their own.
 */
const FILLER = new Set(
  'what whats are is the there any about tell me your how much do does i you a an of for on in please pls and so ok okay info information explain alibaba with using when paying pay to my it its'.split(' '),
);

export function namesOnlyTheTopic(text: string, topic: InfoTopicName): boolean {
  const words = normalise(text).replace(/\?/g, ' ').split(' ').filter((w) => w !== '' && !FILLER.has(w));
  const names = new Set(TOPIC_WORDS[topic]);
  return words.length > 0 && words.length <= 3 && words.every((w) => names.has(w));
}
