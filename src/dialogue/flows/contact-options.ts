import type { FlowOption } from '../flow-schema.js';

/** "A person here, or I'll contact them myself": the last question of every flow's contact step. */
export const PASS_TO_PERSON: FlowOption = {
  value: 'person',
  label: 'Pass me to a person',
  synonyms: ['person', 'human', 'agent', 'someone', 'yes'],
  polarity: 'yes',
  match: { intents: ['affirm', 'contact_support'] },
  then: [{ to: '@handoff' }],
};

export const CONTACT_MYSELF: FlowOption = {
  value: 'self',
  label: "I'll contact them",
  synonyms: ["i'll contact", 'myself', 'contact them', 'no', 'ok', 'okay', 'thanks'],
  polarity: 'no',
  match: { intents: ['deny', 'thanks'], status: ['will_act_elsewhere'] },
  then: [{ to: 'contact_done' }],
};

export const contactOptions = (): FlowOption[] => [PASS_TO_PERSON, CONTACT_MYSELF];
