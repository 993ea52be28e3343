/**
 * People: handing the conversation to the support team (quiet until they hand it back), and
 * contact answers ("is there a phone number for Alipay?"): who handles this problem, how to reach
 * them and what to send, with a person here one click away. Only an explicit wish for a person
 * here ("can I talk to someone?") hands over; asking how to reach Alipay is a question.
 */
import type { parseStaffAction } from '../core/actions.js';
import type { Effect } from '../core/ports.js';
import type { NluResult } from '../core/types.js';
import { LINES } from './bot-lines.js';
import { NAV_BUTTONS, navValue, normalise } from './button-values.js';
import type { DialogueState, Frame } from './dialogue-state.js';
import { namedParties } from './message-shape.js';
import { say, type PolicyKit, type Result } from './policy-kit.js';

export const HANDOFF_SECTION = 'contact-support#who-to-contact';
const WHAT_TO_SEND = 'contact-support#what-to-include';

/** A question about what to give support, not about whom to reach. */
const ASKS_WHAT_TO_SEND = /\b(what|which)\b.*\b(send|include|tell|write|screenshot|attach|provide|mention|give)\b|\bwhat (info|information|details|documents?)\b/;

/** The sections that say how to reach one party. */
const PARTIES = new Set(['contact-support#alipay-support', 'contact-support#alibaba-support', 'contact-support#card-issuer']);

/** Who handles what, by the problem in hand (flow or last topic) and what the person told us. */
const PARTY_SECTIONS: Readonly<Record<string, readonly string[]>> = {
  payment_declined: [HANDOFF_SECTION],
  link_card: ['contact-support#alipay-support', 'contact-support#card-issuer'],
  verification: ['contact-support#alipay-support'],
  account_setup: ['contact-support#alipay-support'],
  security: ['contact-support#alipay-support', 'contact-support#card-issuer'],
  pay_on_alibaba: ['contact-support#alibaba-support', 'contact-support#alipay-support'],
  pending_payment: ['contact-support#alibaba-support', 'contact-support#alipay-support'],
  refunds: ['contact-support#alibaba-support', 'contact-support#alipay-support'],
  limits: ['contact-support#card-issuer', 'contact-support#alipay-support'],
  fees_and_rates: ['contact-support#card-issuer'],
};

const PERSON = '(a |an |the |some |real |live |actual |human |alipay |alibaba |support |customer )*(person|human|agent|someone|somebody|representative|operator|staff|team member|support agent|real person)';
const WANTS_PERSON = new RegExp(
  [
    `\\b(talk|speak|chat|connect|pass|transfer|put|get|give|hand|bring) (me )?(to|with|through to|over to)? ?${PERSON}\\b`,
    `^${PERSON}( please| pls| now)*$`,
    '\\bescalate\\b',
    `\\b(need|want|like) ${PERSON}\\b`,
    `\\b(can|could|may|will) ${PERSON} (help|look|assist|call|contact|take over)`,
  ].join('|'),
);

/** "can I talk to someone here", "pass me to a person", "human please", "escalate this". */
export function wantsPerson(text: string): boolean {
  return WANTS_PERSON.test(normalise(text));
}

export function problemOf(kit: PolicyKit, frame: Frame | null): string {
  if (!frame) return 'The person asked to talk to a person.';
  const parts = [`Needs help with ${kit.title(frame.flow)}.`];
  if (frame.slots['cardNetwork']) parts.push(`Card network: ${frame.slots['cardNetwork']}.`);
  if (frame.slots['errorKind']) parts.push(`Reported cause: ${frame.slots['errorKind'].replace(/_/g, ' ')}.`);
  const stated = frame.facts.filter((f) => !f.startsWith('status.'));
  if (stated.length > 0) parts.push(`Stated: ${stated.map((f) => (f.startsWith('!') ? `not ${f.slice(1)}` : f)).join(', ')}.`);
  parts.push(`Was at step "${frame.step}".`);
  return parts.join(' ');
}

/** A person takes over: who to contact for what, a redacted summary for staff, then quiet. */
export function handOver(kit: PolicyKit, state: DialogueState, frame: Frame | null, reason: string, now: number): Result {
  // Who handles what, unless the step the person is on has just shown it.
  const shown = frame ? (kit.engine.currentStep(frame).sections ?? []).includes(HANDOFF_SECTION) : false;
  const effects: Effect[] = [
    ...(shown ? [] : [{ type: 'say_section', section: HANDOFF_SECTION, intro: LINES.handoffIntro } satisfies Effect]),
    say(LINES.handoff),
    // Only what the bot knows from buttons, entities and facts goes to staff: never the person's own words.
    { type: 'handoff', reason, problem: problemOf(kit, frame), stepsTried: frame?.done ?? [], flow: frame?.flow ?? null },
  ];
  return {
    state: { ...state, frame: null, paused: frame ?? state.paused, handoff: { since: now, flow: frame?.flow ?? null } },
    effects,
  };
}

/** Who can say why a payment was declined: the bank that refused it, or Alipay when it stopped it (or the bank saw nothing). */
function partyByFacts(about: string | null, known: readonly string[]): string | undefined {
  if (about !== 'payment_declined') return undefined;
  if (known.includes('error.issuer_declined')) return 'contact-support#card-issuer';
  if (known.includes('error.risk_flagged') || known.includes('card.bank_sees_nothing')) return 'contact-support#alipay-support';
  return undefined;
}

/**
 * "How do I reach Alipay?": the right party for the problem in hand, how to reach them, what to
 * send. The party the person names comes first; "Alibaba or my bank?" is answered from what we
 * know (the bank refused it: the bank), or with both.
 */
export function contactAnswer(kit: PolicyKit, state: DialogueState, nlu: NluResult | null, text = ''): Result {
  const about = state.frame?.flow ?? (nlu?.topic && nlu.topic !== 'contact_support' ? nlu.topic : null) ?? state.topic;
  const known = [...(state.frame?.facts ?? []), ...state.facts];
  const named = namedParties(text);
  const byFacts = partyByFacts(about, known);
  let parties: readonly string[];
  // "my bank or Alipay?" unsettled by what we know: the section that says who handles what.
  if (named.length > 1 && !(byFacts && named.includes(byFacts)) && /\bor\b/.test(normalise(text))) parties = [HANDOFF_SECTION];
  else if (named.length === 1) parties = named;
  else if (named.length > 1) parties = byFacts && named.includes(byFacts) ? [byFacts] : named;
  else if (byFacts) parties = [byFacts];
  // "do they speak English?" right after Alipay's channels: "they" are the party just shown.
  else if (state.topic === 'contact_support' && (nlu?.followUp ?? 0) >= 0.5 && state.shown.some((s) => PARTIES.has(s))) parties = state.shown.filter((s) => PARTIES.has(s));
  // "how do I reach them?" right after another answer: "them" is whoever that answer sent the
  // person to, so the contact sections are searched in its context (the search learned these pairs).
  else if (nlu && nlu.followUp >= 0.5 && state.shown.length > 0 && !state.frame) return contactInContext(kit, state, text);
  else parties = (about ? PARTY_SECTIONS[about] : undefined) ?? [HANDOFF_SECTION];
  // "what should I send them?": what to include is the answer, the channels come after it.
  const sections = ASKS_WHAT_TO_SEND.test(normalise(text)) ? [WHAT_TO_SEND, ...parties] : [...parties, WHAT_TO_SEND];
  const effects: Effect[] = sections.map((section, i) => (i === 0 ? { type: 'say_section', section, intro: LINES.contactIntro } : { type: 'say_section', section }));
  const buttons = state.frame ? [NAV_BUTTONS.human, NAV_BUTTONS.continue] : [NAV_BUTTONS.human, NAV_BUTTONS.menu];
  effects.push(say(state.frame ? LINES.contactOfferInFlow(kit.title(state.frame.flow)) : LINES.contactOffer, buttons));
  const next: DialogueState = { ...state, topic: 'contact_support', shown: sections, ...(state.frame ? { yesNo: { yes: navValue('continue'), no: navValue('menu') } } : {}) };
  return { state: next, effects };
}

function contactInContext(kit: PolicyKit, state: DialogueState, text: string): Result {
  const answer: Effect = { type: 'answer', query: text, intents: ['contact_support'], context: { topic: state.topic ?? 'contact_support', sections: state.shown } };
  return { state: { ...state, topic: 'contact_support' }, effects: [answer, say(LINES.contactOffer, [NAV_BUTTONS.human, NAV_BUTTONS.menu])] };
}

/** How a handoff ended, from the live agent's staff action. */
export type StaffEnding = NonNullable<ReturnType<typeof parseStaffAction>>;

/** Who to contact when nobody from the team could take the conversation: by the problem in hand. */
const NO_STAFF_SECTIONS = ['contact-support#alipay-support', 'contact-support#alibaba-support'];

/**
 * Back from staff: handed back (the bot offers to carry on with the task it had set aside, and keeps
 * staff's note), closed (nothing to resume), or nobody claimed it in time (said plainly, with the
 * team's hours and who to contact for the problem in hand).
 */
export function backFromStaff(kit: PolicyKit, state: DialogueState, ending: StaffEnding, now: number): Result {
  const how = ending.kind === 'hand_back' ? 'handed_back' : ending.kind === 'close' ? 'closed' : 'timed_out';
  const back: DialogueState = { ...state, handoff: null, yesNo: null, lastActiveAt: now, handedBack: { at: now, how, note: ending.kind === 'hand_back' ? ending.note : null } };
  const paused = state.paused;
  const carryOn = paused ? { yesNo: { yes: navValue('resume'), no: navValue('menu') } } : {};
  switch (ending.kind) {
    case 'close': {
      const closed: DialogueState = { ...back, frame: null, paused: null };
      return { state: closed, effects: [say(LINES.closedByStaff, kit.menuButtons(closed))] };
    }
    case 'hand_back':
      return { state: { ...back, ...carryOn }, effects: [say(paused ? LINES.handBackResume(kit.title(paused.flow)) : LINES.handBack, kit.menuButtons(back))] };
    case 'timed_out': {
      const about = paused?.flow ?? state.handoff?.flow ?? state.topic;
      const sections = (about ? PARTY_SECTIONS[about] : undefined) ?? NO_STAFF_SECTIONS;
      const effects: Effect[] = [say(LINES.noStaff(kit.settings.supportHours)), ...sections.map((section): Effect => ({ type: 'say_section', section }))];
      effects.push(say(paused ? LINES.afterNoStaffInFlow(kit.title(paused.flow)) : LINES.afterNoStaff, kit.menuButtons(back)));
      return { state: { ...back, ...carryOn, shown: [...sections] }, effects };
    }
  }
}
