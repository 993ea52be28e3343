/** Intent names are a public contract: extend, never rename. */
export const TASK_INTENTS = ['account_setup', 'link_card', 'pay_on_alibaba', 'payment_declined', 'verification'] as const;
export const INFORMATION_INTENTS = [
  'fees_and_rates',
  'limits',
  'security',
  'tour_pass',
  'pending_payment',
  'refunds',
  'contact_support',
] as const;
export const CONVERSATION_INTENTS = ['greeting', 'thanks', 'goodbye', 'affirm', 'deny', 'help', 'cancel'] as const;
export const OUT_OF_SCOPE = 'out_of_scope' as const;

/** Out-of-scope sub-intents about another product (crypto, other wallets, shops, marketplaces): never looked up, never a flow. */
export const OTHER_PRODUCT_SUB_INTENTS: ReadonlySet<string> = new Set([
  'out_of_scope.crypto',
  'out_of_scope.other_wallets',
  'out_of_scope.other_apps_and_shops',
  'out_of_scope.other_marketplaces',
  'out_of_scope.other_product',
]);

export const INTENTS = [...TASK_INTENTS, ...INFORMATION_INTENTS, ...CONVERSATION_INTENTS, OUT_OF_SCOPE] as const;

export type TaskIntent = (typeof TASK_INTENTS)[number];
export type InformationIntent = (typeof INFORMATION_INTENTS)[number];
export type ConversationIntent = (typeof CONVERSATION_INTENTS)[number];
export type IntentName = (typeof INTENTS)[number];

export function isIntentName(value: string): value is IntentName {
  return (INTENTS as readonly string[]).includes(value);
}
