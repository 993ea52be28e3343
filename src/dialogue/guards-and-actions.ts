/**
 * Named guards and actions that flows refer to by name (as in XState): flows stay plain data, and
 * the little logic they need lives here, pure and tested once.
 */

/** What a flow remembers while it runs: filled slots and the causes already tried. */
export interface FlowContext {
  slots: Record<string, string>;
  tried: string[];
  /** Fact keys the person has stated (see known-facts.ts). */
  facts: readonly string[];
}

/** Networks Alipay links directly (routing only; what the person reads comes from knowledge). */
export const ACCEPTED_NETWORKS = ['visa', 'mastercard', 'jcb', 'discover'] as const;

export const GUARD_NAMES = ['slot_is', 'slot_set', 'card_accepted', 'not_tried', 'tried', 'tried_at_least', 'fact', 'no_fact'] as const;
export type GuardName = (typeof GUARD_NAMES)[number];

export const ACTION_NAMES = ['set_slot', 'clear_slot', 'mark_tried', 'forget_fact'] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

/** `key=value` → [key, value]. */
function pair(arg: string | undefined): [string, string] {
  const [key = '', value = ''] = (arg ?? '').split('=', 2);
  return [key, value];
}

export const GUARDS: Record<GuardName, (context: FlowContext, arg: string | undefined) => boolean> = {
  /** `slot_is: key=value` */
  slot_is: (c, arg) => {
    const [key, value] = pair(arg);
    return c.slots[key] === value;
  },
  /** `slot_set: key` */
  slot_set: (c, arg) => c.slots[arg ?? ''] !== undefined,
  card_accepted: (c) => (ACCEPTED_NETWORKS as readonly string[]).includes(c.slots['cardNetwork'] ?? ''),
  /** `not_tried: cause` */
  not_tried: (c, arg) => !c.tried.includes(arg ?? ''),
  /** `tried: cause` */
  tried: (c, arg) => c.tried.includes(arg ?? ''),
  /** `tried_at_least: n` */
  tried_at_least: (c, arg) => c.tried.length >= Number(arg ?? '0'),
  /** `fact: error.issuer_declined` (stated) or `fact: !error.insufficient_funds` (denied) */
  fact: (c, arg) => c.facts.includes(arg ?? ''),
  /** `no_fact: !error.limit_exceeded`: not stated (in that form) */
  no_fact: (c, arg) => !c.facts.includes(arg ?? ''),
};

export const ACTIONS_BY_NAME: Record<ActionName, (context: FlowContext, arg: string | undefined) => FlowContext> = {
  /** `set_slot: key=value` */
  set_slot: (c, arg) => {
    const [key, value] = pair(arg);
    return { ...c, slots: { ...c.slots, [key]: value } };
  },
  /** `clear_slot: key` */
  clear_slot: (c, arg) => {
    const slots = { ...c.slots };
    delete slots[arg ?? ''];
    return { ...c, slots };
  },
  /** `forget_fact: card.unsupported_network`: what was said of the old card no longer holds (either way round). */
  forget_fact: (c, arg) => ({ ...c, facts: c.facts.filter((key) => key !== arg && key !== `!${arg}`) }),
  /** `mark_tried: cause` (idempotent, so going back and forth does not count twice) */
  mark_tried: (c, arg) => (c.tried.includes(arg ?? '') ? c : { ...c, tried: [...c.tried, arg ?? ''] }),
};
