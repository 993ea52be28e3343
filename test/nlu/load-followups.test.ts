import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IntentClassifier } from '../../src/core/ports.js';
import { loadClassifier } from '../../src/nlu/load-classifier.js';
import { duplicateKey } from '../../src/nlu/load-intents.js';
import { loadFollowUps } from '../../src/nlu/load-followups.js';

describe('the follow-ups in intents/followups', () => {
  const followUps = loadFollowUps();

  it('load, each keyed by the topic the bot had just discussed', () => {
    expect(followUps.length).toBeGreaterThan(200);
    expect(new Set(followUps.map((f) => f.after)).size).toBeGreaterThan(8);
  });

  it('never give the same follow-up after the same topic two intents', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const f of followUps) {
      const key = `${f.after}\0${duplicateKey(f.text)}`;
      const first = owner.get(key);
      if (first !== undefined) clashes.push(`after ${f.after}: "${f.text}" is ${first} and ${f.intent}`);
      owner.set(key, f.intent);
    }
    expect(clashes).toEqual([]);
  });

  it('name file and field for a malformed file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'followups-'));
    writeFileSync(path.join(dir, 'limits.yaml'), 'intent: limits\ndescription: x\nafter:\n  nonsense: [how do i raise it]\n');
    expect(() => loadFollowUps(dir)).toThrow(/limits\.yaml: after/);
    writeFileSync(path.join(dir, 'limits.yaml'), 'intent: fees_and_rates\ndescription: x\nafter:\n  limits: [how do i raise it]\n');
    expect(() => loadFollowUps(dir)).toThrow(/limits\.yaml: intent: must equal the file name/);
  });

  describe('read with the topic before them', () => {
    let nlu: IntentClassifier;
    beforeAll(async () => {
      nlu = await loadClassifier();
    });

    it('mostly resolve to their intent, far better with the topic before them (measured 79%; without the topic 64%)', () => {
      const right = (withContext: boolean) =>
        followUps.filter((f) => nlu.parse(f.text, withContext ? { topic: f.after, flow: null, step: null } : undefined).intent === f.intent).length / followUps.length;
      expect(right(true)).toBeGreaterThan(0.7);
      expect(right(true)).toBeGreaterThan(right(false) + 0.1);
    });
  });
});
