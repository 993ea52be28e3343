/**
 * Flows are data: a flow is a set of named steps, each step says something (conversation text or
 * knowledge sections by id), may ask a question with options, and moves on through transitions
 * guarded by named guards and carrying named actions (XState's vocabulary, a much smaller engine).
 */
import { z } from 'zod';
import { CARD_NETWORKS, ERROR_KINDS, STATUSES } from '../core/types.js';
import { INTENTS } from '../core/intents.js';
import { ACTION_NAMES, GUARD_NAMES } from './guards-and-actions.js';

/** Step ids and option values: short, lower snake case, stable (transcripts and buttons use them). */
const idSchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be lower snake case, at most 40 characters');

const sectionIdSchema = z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/, 'must be a section id like article#section');

export const guardRefSchema = z.object({ name: z.enum(GUARD_NAMES), arg: z.string().optional() });
export type GuardRef = z.output<typeof guardRefSchema>;

export const actionRefSchema = z.object({ name: z.enum(ACTION_NAMES), arg: z.string().optional() });
export type ActionRef = z.output<typeof actionRefSchema>;

/**
 * Where a transition goes: a step of the same flow, `flow:<id>` (hand over to another flow, from
 * its start), `@end` (the flow is done) or `@handoff` (a person takes over).
 */
export const targetSchema = z.string().regex(/^([a-z][a-z0-9_]*|flow:[a-z_]+|@end|@handoff)$/, 'must be a step id, flow:<id>, @end or @handoff');

export const transitionSchema = z.object({
  to: targetSchema,
  guard: guardRefSchema.optional(),
  /** Several guards that must all pass (with `guard`, if set). */
  guards: z.array(guardRefSchema).min(1).optional(),
  actions: z.array(actionRefSchema).optional(),
});
export type Transition = z.output<typeof transitionSchema>;

/** A fact name from the catalogue (intents/facts/), `!` in front for its denial. */
export const factKeySchema = z.string().regex(/^!?[a-z][a-z_]*(\.[a-z][a-z0-9_]*)?$/, 'must be a fact name, or !name for its denial');

/** What an option fills or recognises besides its label. */
export const optionMatchSchema = z.object({
  cardNetwork: z.array(z.enum(CARD_NETWORKS)).optional(),
  errorKind: z.array(z.enum(ERROR_KINDS)).optional(),
  /** NLU intents that pick this option (e.g. `affirm` for "yes"). */
  intents: z.array(z.enum(INTENTS)).optional(),
  /**
   * Facts that answer this option (`error.issuer_declined`, or `!error.insufficient_funds` for a
   * denial): stated now or earlier in the conversation, they pick it, and a step whose answer is
   * already known is not asked.
   */
  facts: z.array(factKeySchema).optional(),
  /**
   * Facts that settle this question without being its answer: "the code never came" means the app
   * is installed, yet the fact still answers the later "did the code arrive?". They pick the
   * option when known, and stay unspent for the question they really answer.
   */
  implies: z.array(factKeySchema).optional(),
  /** What the person says about how it went that picks this option ("did that fix it?" → solved). */
  status: z.array(z.enum(STATUSES)).optional(),
});

export const optionSchema = z.object({
  /** The button value becomes `answer:<value>`. */
  value: idSchema,
  label: z.string().min(1).max(60),
  /** Words or phrases that pick this option when typed (whole words, case-insensitive). */
  synonyms: z.array(z.string().min(1)).optional(),
  match: optionMatchSchema.optional(),
  /** 'yes'/'no' answers: a negated text ("it did not work") never picks a 'yes' option. */
  polarity: z.enum(['yes', 'no']).optional(),
  /** Tried in order; the first whose guard passes is taken. The last must have no guard. */
  then: z.array(transitionSchema).min(1),
});
export type FlowOption = z.output<typeof optionSchema>;

export const stepSchema = z.object({
  /** A short past-tense note for the handoff summary ("checked funds and limits"); steps without one are not listed. */
  title: z.string().optional(),
  /** Conversation text before anything else (no facts: facts live in knowledge sections). */
  say: z.string().optional(),
  /** Knowledge section ids shown in order, with their citations. */
  sections: z.array(sectionIdSchema).optional(),
  /** The question that goes with the options (conversation text). */
  ask: z.string().optional(),
  options: z.array(optionSchema).optional(),
  /** Run when the step is entered. */
  onEnter: z.array(actionRefSchema).optional(),
  /**
   * A step without options moves on at once through these (a decision or a message step).
   * With options, `skip` is tried first on entry: a passing guard skips the question.
   */
  always: z.array(transitionSchema).optional(),
  skip: z.array(transitionSchema).optional(),
  /**
   * The step ends the flow (`done`), hands over to a person (`handoff`), or puts the task aside
   * (`pause`: "I'll call my bank later"): Resume, or naming the task again, returns to the question
   * that led here.
   */
  end: z.enum(['done', 'handoff', 'pause']).optional(),
  /** Offered on a `done` step: buttons to related flows or topics, e.g. `flow:pay_on_alibaba`. */
  offer: z.array(z.object({ label: z.string().min(1).max(60), value: z.string().min(1).max(100) })).optional(),
  /**
   * When the person says they will sort it out elsewhere at this step ("I'll phone my bank"): the
   * sections that tell them what to ask or bring (default: the flow's).
   */
  elsewhere: z.array(sectionIdSchema).optional(),
  /**
   * Facts that report the checks this step's advice asks for, not a new cause: after "check your
   * Alipay history and card statement that the first try did not go through", "the bank app shows
   * nothing" answers the check. Such a fact is noted and the step's advice stays in front.
   */
  checks: z.array(factKeySchema).optional(),
});
export type FlowStep = z.output<typeof stepSchema>;

export const flowSchema = z.object({
  id: idSchema,
  /** How the bot names the task in sentences: "Shall we carry on with {title}?" */
  title: z.string().min(1),
  /** A button label that starts the flow. */
  label: z.string().min(1).max(60),
  start: idSchema,
  /**
   * Said when what the person already told us skips the first question (default: that step's
   * `say`), so the opening fits: "Let's set up your account", not "First, the app:".
   */
  intro: z.string().optional(),
  steps: z.record(idSchema, stepSchema),
  /** Run whenever the person states a fact: e.g. "I have the money" marks the funds cause as tried. */
  onFacts: z.array(z.object({ fact: factKeySchema, actions: z.array(actionRefSchema).min(1) })).optional(),
  /** What to ask or bring when the person goes to sort it out elsewhere (see stepSchema.elsewhere). */
  elsewhere: z.array(sectionIdSchema).optional(),
  /**
   * A diagnosis: any question about this task ("why does my payment keep failing?") is best
   * answered by working through it, so it starts the flow rather than getting a one-off answer.
   */
  diagnosis: z.boolean().optional(),
  /**
   * Facts this flow is the place for ("there is no Alipay option at checkout" → paying on
   * Alibaba): a task started for a message that states one of them, and none of its own, starts here.
   */
  owns: z.array(factKeySchema).optional(),
  /**
   * Facts saying the task's goal is already reached ("my card is linked" for linking a card): a
   * message stating one is not asking for this task when another one fits it as well.
   */
  reachedBy: z.array(factKeySchema).optional(),
  /**
   * Where "it worked!" goes at a question whose yes is not about success ("is your card enabled?"
   * answered "changed the address and it worked"): the flow's own good ending.
   */
  solved: z.string().optional(),
});
export type FlowDefinition = z.output<typeof flowSchema>;
export type FlowInput = z.input<typeof flowSchema>;
