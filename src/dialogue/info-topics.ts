/**
 * The information intents: answered from the knowledge base with citations, then the related
 * guided flow is offered. A typed question is searched (its own words find the best section);
 * a button click, which has no words, shows the topic's sections.
 */
import type { InformationIntent } from '../core/intents.js';
import type { Button } from '../core/types.js';

export interface InfoTopic {
  /** Button label ("did you mean …?", menus). */
  label: string;
  /** Shown for a click, and for a typed question when `alwaysSections` is set. */
  sections: string[];
  /**
   * The knowledge base has nothing specific for this topic: show the sections instead of searching.
   * (No topic needs it since pending payments and refunds got sections of their own.)
   */
  alwaysSections?: boolean;
  /** An optional conversational lead-in (no facts). */
  intro?: string;
  /** Offered with the answer. */
  offer: Button[];
}

export const INFO_TOPICS: Record<Exclude<InformationIntent, 'contact_support'>, InfoTopic> = {
  fees_and_rates: {
    label: 'Fees and exchange rates',
    sections: ['fees-and-rates#foreign-transaction-fees', 'fees-and-rates#avoiding-fees'],
    offer: [{ label: 'Link a card', value: 'flow:link_card' }],
  },
  limits: {
    label: 'Payment limits',
    sections: ['transaction-limits#bank-limits', 'transaction-limits#raise-limits'],
    offer: [{ label: 'Verify my identity', value: 'flow:verification' }],
  },
  security: {
    label: 'Keeping my account safe',
    sections: ['security#strong-passwords', 'security#phishing'],
    offer: [{ label: 'Set up Alipay', value: 'flow:account_setup' }],
  },
  tour_pass: {
    label: 'The Tour Pass',
    sections: ['tour-pass#what-it-is', 'tour-pass#how-it-works'],
    offer: [{ label: 'Link a card', value: 'flow:link_card' }],
  },
  pending_payment: {
    label: 'A payment that is pending',
    intro: "I don't have specific guidance on pending payments, but these usually help:",
    sections: ['payment-declined#technical-glitch', 'contact-support#who-to-contact'],
    offer: [{ label: 'My payment was declined', value: 'flow:payment_declined' }],
  },
  refunds: {
    label: 'Refunds',
    // A click shows who handles orders and the one refund the guides describe; a typed question
    // is searched, since the refunds article now says honestly what the guides do not cover.
    intro: "I don't have specific guidance on refunds for an order, but this is who can help:",
    sections: ['contact-support#alibaba-support', 'fees-and-rates#test-charge'],
    offer: [{ label: 'The card check charge', value: 'flow:verification' }],
  },
};

export function isInfoTopic(intent: string): intent is keyof typeof INFO_TOPICS {
  return Object.hasOwn(INFO_TOPICS, intent);
}
