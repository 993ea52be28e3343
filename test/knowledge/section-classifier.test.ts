import { describe, expect, it } from 'vitest';
import {
  classifierExamples,
  classifySections,
  deserializeSectionClassifier,
  serializeSectionClassifier,
  DEFAULT_CLASSIFIER_TRAINING,
  trainSectionClassifier,
} from '../../src/knowledge/section-classifier.js';
import { afterMark } from '../../src/knowledge/section-features.js';

const SECTIONS = [
  { title: 'Adding money', text: 'Open the wallet and load an amount from your card.', asks: ['how do I recharge my balance', 'put funds in the wallet', 'top up my account'] },
  { title: 'Closing the wallet', text: 'Empty the wallet, then ask to remove it.', asks: ['delete my wallet', 'how do I shut my account', 'stop using the wallet for good'] },
  { title: 'Fees', text: 'The issuer may add a charge for paying abroad.', asks: ['is there a commission', 'does it cost anything', 'extra charge on my statement'] },
];

describe('the section classifier', () => {
  const model = trainSectionClassifier(classifierExamples(SECTIONS), SECTIONS.length);
  const probabilities = (text: string, m = model) => {
    const out = new Float64Array(m.labels);
    classifySections(m, text, out);
    return [...out];
  };

  it('learns from each section its heading and the questions it answers', () => {
    const examples = classifierExamples(SECTIONS);
    expect(examples).toHaveLength(3 + 9);
    expect(examples.filter((e) => e.label === 1).map((e) => e.text)).toContain('Closing the wallet');
  });

  it('learns a follow-up (a question with the mark of the section shown before it) more than once', () => {
    const followUp = `and how much is it ${afterMark('wallet#adding-money')}`;
    const withFollowUp = [{ ...SECTIONS[2]!, examples: ['what does a transfer cost', followUp] }];
    const texts = (repeat?: number) => classifierExamples(withFollowUp, repeat === undefined ? {} : { followUpRepeat: repeat }).map((e) => e.text);
    expect(texts().filter((t) => t === followUp)).toHaveLength(DEFAULT_CLASSIFIER_TRAINING.followUpRepeat);
    expect(DEFAULT_CLASSIFIER_TRAINING.followUpRepeat).toBeGreaterThan(1);
    expect(texts(1).filter((t) => t === followUp)).toHaveLength(1);
    expect(texts().filter((t) => t === 'what does a transfer cost')).toHaveLength(1);
  });

  it('gives probabilities that sum to 1, highest for the section a new phrasing belongs to', () => {
    const p = probabilities('how do i recharge the wallet with money');
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(p.indexOf(Math.max(...p))).toBe(0);
    const fee = probabilities('is there any charge or commission');
    expect(fee.indexOf(Math.max(...fee))).toBe(2);
  });

  it('tolerates typos through character n-grams', () => {
    const p = probabilities('how do I shutt my acount');
    expect(p.indexOf(Math.max(...p))).toBe(1);
  });

  it('predicts exactly the same after a round trip through the index file', () => {
    const restored = deserializeSectionClassifier(JSON.parse(JSON.stringify(serializeSectionClassifier(model))));
    expect(restored).toBeDefined();
    for (const text of ['top up my balance', 'remove the wallet', 'what does it cost']) {
      expect(probabilities(text, restored!)).toEqual(probabilities(text));
    }
  });

  it('refuses stored parts that do not fit together, so the index is rebuilt instead', () => {
    const file = serializeSectionClassifier(model);
    expect(deserializeSectionClassifier({ ...file, labels: 4 })).toBeUndefined();
    expect(deserializeSectionClassifier({ ...file, vocabulary: `${file.vocabulary}\nw:extra` })).toBeUndefined();
  });

  it('trains the same model from the same data (deterministic)', () => {
    const again = trainSectionClassifier(classifierExamples(SECTIONS), SECTIONS.length);
    expect(serializeSectionClassifier(again)).toEqual(serializeSectionClassifier(model));
  });
});
