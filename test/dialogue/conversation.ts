/**
 * A small driver for the pure dialogue step: hand-built NLU results in, effects out, state
 * carried between turns (and through JSON, as the store would).
 */
import type { DialogueInput, Effect } from '../../src/core/ports.js';
import { NOTHING_STATED, type Entities, type Fact, type NluResult, type RankedIntent, type Status } from '../../src/core/types.js';
import type { IntentName } from '../../src/core/intents.js';
import { createDialoguePolicy, type DialoguePolicyOptions } from '../../src/dialogue/dialogue-policy.js';
import type { DialogueState } from '../../src/dialogue/dialogue-state.js';
import type { InputNote } from '../../src/core/ports.js';

export interface NluOptions {
  confidence?: number;
  entities?: Entities;
  ranking?: RankedIntent[];
  facts?: Array<Pick<Fact, 'name'> & Partial<Fact>>;
  status?: Status | null;
  asksQuestion?: boolean;
  topic?: IntentName | null;
  followUp?: number;
}

export function nlu(intent: IntentName, options: NluOptions = {}): NluResult {
  const confidence = options.confidence ?? 0.9;
  return {
    intent,
    confidence,
    ranking: options.ranking ?? [
      { intent, confidence },
      { intent: intent === 'out_of_scope' ? 'greeting' : 'out_of_scope', confidence: 1 - confidence },
    ],
    entities: options.entities ?? {},
    ...NOTHING_STATED,
    facts: (options.facts ?? []).map((f) => ({ negated: false, clause: 0, ...f })),
    status: options.status ?? null,
    asksQuestion: options.asksQuestion ?? false,
    topic: options.topic ?? null,
    followUp: options.followUp ?? 0,
  };
}

export interface TurnView {
  effects: Effect[];
  flow: string | null;
  step: string | null;
  texts: string[];
  buttons: string[];
  sections: string[];
  handoff: Extract<Effect, { type: 'handoff' }> | undefined;
}

export function createConversation(options: DialoguePolicyOptions = {}) {
  const policy = createDialoguePolicy(options);
  let state: DialogueState = policy.initialState(0);
  let now = 1_000;

  function turn(message: { text?: string; action?: string }, result: NluResult | null, extra: { redactions?: string[]; notes?: InputNote[]; staffAvailable?: boolean } = {}): TurnView {
    now += 1_000;
    const input: DialogueInput = {
      message: { platform: 'json', conversationKey: 'c1', userId: 'u1', receivedAt: now, ...message },
      nlu: result,
      redactions: extra.redactions ?? [],
      notes: extra.notes ?? [],
      staffAvailable: extra.staffAvailable ?? true,
      now,
    };
    const step = policy.step(state, input);
    // Every state goes through JSON and the schema, as it would through the store.
    state = policy.parseState(JSON.parse(JSON.stringify(step.state)));
    const position = policy.position(state);
    return {
      effects: step.effects,
      ...position,
      texts: step.effects.flatMap((e) => (e.type === 'say' ? [e.text] : e.type === 'say_section' && e.intro ? [e.intro] : [])),
      buttons: step.effects.flatMap((e) => (e.type === 'handoff' ? [] : (e.buttons ?? []).map((b) => b.value))),
      sections: step.effects.flatMap((e) => (e.type === 'say_section' ? [e.section] : [])),
      handoff: step.effects.find((e): e is Extract<Effect, { type: 'handoff' }> => e.type === 'handoff'),
    };
  }

  return {
    policy,
    get state() {
      return state;
    },
    /** Moves the clock on (idle timeout tests). */
    wait(ms: number) {
      now += ms;
    },
    say: (text: string, result: NluResult | null = nlu('out_of_scope', { confidence: 0.3 }), extra?: { redactions?: string[]; notes?: InputNote[] }) => turn({ text }, result, extra),
    click: (action: string) => turn({ action }, null),
    /** The knowledge sections the last answer showed, as the turn pipeline reports them. */
    showed(sections: readonly string[]) {
      state = policy.remember?.(state, sections.map((section) => ({ source: 'test.md', section, title: section }))) ?? state;
    },
    turn,
  };
}
