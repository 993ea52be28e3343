import { describe, expect, it } from 'vitest';
import type { Effect } from '../../src/core/ports.js';
import { FlowEngine } from '../../src/dialogue/flow-engine.js';
import { flowSchema, type FlowDefinition, type FlowInput } from '../../src/dialogue/flow-schema.js';

/** A small flow that uses every mechanism: sections, skip, guards, actions, back, switch, end, handoff. */
const FLOW: FlowInput = {
  id: 'fix_card',
  title: 'fixing your card',
  label: 'Fix my card',
  start: 'which_card',
  steps: {
    which_card: {
      say: "Let's fix your card.",
      sections: ['cards#accepted'],
      ask: 'Which card?',
      skip: [{ to: 'try_fix', guard: { name: 'slot_set', arg: 'cardNetwork' } }],
      options: [
        { value: 'visa', label: 'Visa', match: { cardNetwork: ['visa'] }, then: [{ to: 'try_fix' }] },
        { value: 'other', label: 'Another card', then: [{ to: 'flow:other_cards' }] },
      ],
    },
    try_fix: {
      title: 'tried a fix',
      ask: 'Did that work?',
      onEnter: [{ name: 'mark_tried', arg: 'fix' }],
      options: [
        { value: 'yes', label: 'Yes', then: [{ to: 'fixed' }] },
        { value: 'no', label: 'No', then: [{ to: 'decide' }] },
      ],
    },
    decide: {
      always: [
        { to: '@handoff', guard: { name: 'tried_at_least', arg: '2' } },
        { to: 'try_again', actions: [{ name: 'set_slot', arg: 'second=yes' }] },
      ],
    },
    try_again: {
      title: 'tried again',
      ask: 'And now?',
      onEnter: [{ name: 'mark_tried', arg: 'again' }],
      options: [
        { value: 'yes', label: 'Yes', then: [{ to: '@end' }] },
        { value: 'no', label: 'No', then: [{ to: 'decide' }] },
      ],
    },
    fixed: { say: 'Great!', end: 'done' },
  },
};

const LOOP: FlowInput = { id: 'loop', title: 'a loop', label: 'Loop', start: 'a', steps: { a: { always: [{ to: 'b' }] }, b: { always: [{ to: 'a' }] } } };

/** "The code never came": it implies the app is there, and answers the question about the code. */
const CODE: FlowInput = {
  id: 'sign_up',
  title: 'signing up',
  label: 'Sign up',
  start: 'app',
  intro: "Let's get you signed up.",
  steps: {
    app: {
      say: 'First, the app:',
      ask: 'Do you have the app?',
      options: [
        { value: 'yes', label: 'Yes', match: { implies: ['setup.sms_code_missing'] }, then: [{ to: 'code' }] },
        { value: 'no', label: 'No', then: [{ to: 'done' }] },
      ],
    },
    code: {
      ask: 'Did the code arrive?',
      options: [
        { value: 'yes', label: 'Yes', then: [{ to: 'done' }] },
        { value: 'no', label: 'No', match: { facts: ['setup.sms_code_missing'] }, then: [{ to: 'no_code' }] },
      ],
    },
    no_code: {
      ask: 'Still nothing?',
      options: [
        { value: 'still', label: 'Still nothing', match: { facts: ['setup.sms_code_missing'] }, then: [{ to: 'done' }] },
        { value: 'ok', label: 'It came', match: { facts: ['!setup.sms_code_missing'] }, then: [{ to: 'done' }] },
        { value: 'later', label: 'Later', then: [{ to: 'later' }] },
      ],
    },
    later: { say: 'Come back when it has come.', end: 'pause' },
    done: { say: 'Done.', end: 'done' },
  },
};

const engine = new FlowEngine(new Map<string, FlowDefinition>([FLOW, LOOP, CODE].map((f) => [f.id, flowSchema.parse(f)])));
const option = (step: string, value: string, flow: FlowInput = FLOW) => {
  const found = flowSchema.parse(flow).steps[step]?.options?.find((o) => o.value === value);
  if (!found) throw new Error(`no option ${value} in ${step}`);
  return found;
};
const texts = (effects: Effect[]) => effects.map((e) => (e.type === 'say' ? e.text : e.type === 'say_section' ? `[${e.section}]${e.intro ? ` ${e.intro}` : ''}` : e.type));

describe('the flow engine', () => {
  it('starts at the first step: its words with the first section, then the question with buttons', () => {
    const started = engine.start('fix_card');
    expect(started.frame).toMatchObject({ flow: 'fix_card', step: 'which_card', history: [], tried: [] });
    expect(texts(started.effects)).toEqual(["[cards#accepted] Let's fix your card.", 'Which card?']);
    const question = started.effects.at(-1);
    expect(question?.type === 'say' && question.buttons?.map((b) => b.value)).toEqual(['answer:visa', 'answer:other', 'nav:human']);
  });

  it('skips a question the first message already answered, and keeps that out of "back"', () => {
    const started = engine.start('fix_card', { cardNetwork: 'visa' });
    expect(started.frame).toMatchObject({ step: 'try_fix', slots: { cardNetwork: 'visa' }, history: [], tried: ['fix'] });
    expect(engine.back(started.frame!)).toBeUndefined();
  });

  it('takes an option: fills its slot, records the answer, runs onEnter, and offers Back', () => {
    const frame = engine.start('fix_card').frame!;
    const next = engine.choose(frame, option('which_card', 'visa'));
    expect(next.frame).toMatchObject({ step: 'try_fix', history: ['which_card'], tried: ['fix'], done: ['tried a fix'] });
    expect(next.frame?.slots).toMatchObject({ cardNetwork: 'visa', answer_which_card: 'visa' });
    const question = next.effects.at(-1);
    expect(question?.type === 'say' && question.buttons?.map((b) => b.label)).toEqual(['Yes', 'No', 'Back', 'Talk to a person']);
  });

  it('keeps the card the person named when the option it picked forgets the old one', () => {
    const swap: FlowInput = {
      id: 'swap_card',
      title: 'swapping cards',
      label: 'Swap',
      start: 'bad_card',
      steps: {
        bad_card: {
          ask: 'Use a different card?',
          options: [{ value: 'other', label: 'Another card', match: { cardNetwork: ['visa', 'jcb'] }, then: [{ to: 'which', actions: [{ name: 'clear_slot', arg: 'cardNetwork' }] }] }],
        },
        which: { ask: 'Which card?', options: [{ value: 'any', label: 'Any', then: [{ to: '@end' }] }] },
      },
    };
    const other = new FlowEngine(new Map([[swap.id, flowSchema.parse(swap)]]));
    const start = other.start('swap_card', { cardNetwork: 'amex' }).frame!;
    const pick = flowSchema.parse(swap).steps['bad_card']!.options![0]!;
    expect(other.choose(start, pick, { cardNetwork: 'jcb' }).frame?.slots['cardNetwork']).toBe('jcb');
    // A click names no card: the old one is forgotten and none is assumed.
    expect(other.choose(start, pick).frame?.slots['cardNetwork']).toBeUndefined();
  });

  it("says a decision step's line only when the person's answer led there", () => {
    const input: FlowInput = {
      id: 'causes',
      title: 'causes',
      label: 'Causes',
      start: 'fix_a',
      steps: {
        fix_a: {
          ask: 'Did fix A work?',
          skip: [{ to: 'next', guard: { name: 'fact', arg: 'a.tried' } }],
          options: [{ value: 'no', label: 'No', then: [{ to: 'next' }] }],
        },
        next: { say: "Sorry, that wasn't it.", always: [{ to: 'fix_b' }] },
        fix_b: { ask: 'Did fix B work?', options: [{ value: 'yes', label: 'Yes', then: [{ to: '@end' }] }] },
      },
    };
    const causes = new FlowEngine(new Map([[input.id, flowSchema.parse(input)]]));
    const told = causes.start('causes', {}, ['a.tried']);
    expect(told.frame?.step).toBe('fix_b');
    expect(texts(told.effects)).not.toContain("Sorry, that wasn't it.");
    const answered = causes.choose(causes.start('causes').frame!, flowSchema.parse(input).steps['fix_a']!.options![0]!);
    expect(texts(answered.effects)).toContain("Sorry, that wasn't it.");
  });

  it('follows guarded decision steps: another try first, a person once two fixes were tried', () => {
    const atFix = engine.choose(engine.start('fix_card').frame!, option('which_card', 'visa')).frame!;
    const again = engine.choose(atFix, option('try_fix', 'no'));
    expect(again.frame).toMatchObject({ step: 'try_again', tried: ['fix', 'again'] });
    expect(again.frame?.slots['second']).toBe('yes');
    const handoff = engine.choose(again.frame!, option('try_again', 'no'));
    expect(handoff.frame).toBeNull();
    expect(handoff.exit).toMatchObject({ kind: 'handoff', frame: { step: 'decide' } });
  });

  it('ends a flow on a done step or @end, and hands over to another flow on flow:<id>', () => {
    const atFix = engine.choose(engine.start('fix_card').frame!, option('which_card', 'visa')).frame!;
    const done = engine.choose(atFix, option('try_fix', 'yes'));
    expect(done).toMatchObject({ frame: null, exit: { kind: 'done', flow: 'fix_card' } });
    expect(texts(done.effects)).toEqual(['Great!']);
    const switched = engine.choose(engine.start('fix_card').frame!, option('which_card', 'other'));
    expect(switched.exit).toMatchObject({ kind: 'switch', flow: 'other_cards' });
  });

  it('hands the facts that picked a flow:<id> option on to that flow instead of spending them', () => {
    const withFact: FlowInput = { ...FLOW, steps: { ...FLOW.steps, which_card: { ...FLOW.steps['which_card']!, options: [{ value: 'other', label: 'Another card', match: { facts: ['card.unsupported_network'] }, then: [{ to: 'flow:other_cards' }] }] } } };
    const other = new FlowEngine(new Map([[withFact.id, flowSchema.parse(withFact)]]));
    const pick = flowSchema.parse(withFact).steps['which_card']!.options![0]!;
    const switched = other.choose(other.start('fix_card').frame!, pick, {}, ['card.unsupported_network']);
    expect(switched.exit).toMatchObject({ kind: 'switch', flow: 'other_cards' });
    expect(switched.spent).toEqual([]);
  });

  it('goes back to the previous question and asks it again, even one it could skip', () => {
    const atFix = engine.choose(engine.start('fix_card').frame!, option('which_card', 'visa')).frame!;
    const back = engine.back(atFix);
    expect(back?.frame).toMatchObject({ step: 'which_card', history: [] });
  });

  it('renders a step again in full, or only its question for a reprompt', () => {
    const frame = engine.start('fix_card').frame!;
    expect(texts(engine.render(frame, 'full', 'Welcome back.'))).toEqual(['Welcome back.', "[cards#accepted] Let's fix your card.", 'Which card?']);
    expect(texts(engine.render(frame, 'question', 'Sorry, I did not get that.'))).toEqual(['Sorry, I did not get that. Which card?']);
  });

  it('lets a fact that only implies an answer skip that question and still answer the one it is about, once', () => {
    const started = engine.start('sign_up', {}, ['setup.sms_code_missing']);
    expect(started.frame).toMatchObject({ step: 'no_code', slots: { answer_app: 'yes', answer_code: 'no' }, used: ['setup.sms_code_missing'] });
    // The flow's intro, not the skipped step's "First, the app:".
    expect(texts(started.effects)).toEqual(["Let's get you signed up.", 'Still nothing?']);
  });

  it('puts a task aside at the question it rested on, and picks it up with what the person knows now', () => {
    const started = engine.start('sign_up', {}, ['setup.sms_code_missing']);
    const later = option('no_code', 'later', CODE);
    const paused = engine.choose(started.frame!, later);
    expect(paused.exit).toMatchObject({ kind: 'pause', frame: { step: 'no_code' } });
    expect(texts(paused.effects)).toEqual(['Come back when it has come.']);
    if (paused.exit?.kind !== 'pause') throw new Error('not paused');
    // Nothing new: the question is asked again. "It came now": that answers it.
    expect(engine.resume(paused.exit.frame, []).outcome).toBeUndefined();
    const resumed = engine.resume(paused.exit.frame, ['!setup.sms_code_missing']);
    expect(resumed.outcome?.exit).toMatchObject({ kind: 'done' });
    expect(resumed.frame.slots).toMatchObject({ answer_app: 'yes', answer_code: 'no' });
  });

  it('refuses a flow that loops without asking anything, and an unknown flow', () => {
    expect(() => engine.start('loop')).toThrow(/loops without asking anything/);
    expect(() => engine.start('nope')).toThrow(/unknown flow "nope"/);
  });
});
