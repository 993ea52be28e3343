import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INTENTS, isIntentName } from '../../src/core/intents.js';
import { duplicateKey } from '../../src/nlu/load-intents.js';

// intents/followups/ holds follow-up phrasings keyed by the topic the bot just discussed. The
// loader does not read them yet; until it does, this keeps the files in the shape it will expect.
const DIR = path.join(import.meta.dirname, '..', '..', 'intents', 'followups');
const files = readdirSync(DIR).filter((name) => name.endsWith('.yaml'));

function read(name: string): { intent: unknown; description: unknown; after: Record<string, unknown> } {
  return parse(readFileSync(path.join(DIR, name), 'utf8')) as { intent: unknown; description: unknown; after: Record<string, unknown> };
}

describe('the follow-up files in intents/followups', () => {
  it('exist, one per intent, named after it', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const data = read(name);
      expect(Object.keys(data).sort(), name).toEqual(['after', 'description', 'intent']);
      expect(data.intent, name).toBe(name.replace(/\.yaml$/, ''));
      expect(isIntentName(String(data.intent)), name).toBe(true);
      expect(typeof data.description === 'string' && data.description.trim().length > 0, name).toBe(true);
    }
  });

  it('key each block by a known intent and hold short non-empty utterances', () => {
    for (const name of files) {
      for (const [topic, texts] of Object.entries(read(name).after)) {
        expect(INTENTS as readonly string[], `${name}: after.${topic}`).toContain(topic);
        expect(Array.isArray(texts) && texts.length > 0, `${name}: after.${topic}`).toBe(true);
        for (const text of texts as unknown[]) {
          expect(typeof text === 'string' && text.trim().length > 0 && text.length <= 300, `${name}: after.${topic}: ${String(text)}`).toBe(true);
        }
      }
    }
  });

  it('never give the same follow-up after the same topic two intents', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const name of files) {
      const intent = name.replace(/\.yaml$/, '');
      for (const [topic, texts] of Object.entries(read(name).after)) {
        for (const text of texts as string[]) {
          const key = `${topic}\0${duplicateKey(text)}`;
          const first = owner.get(key);
          if (first !== undefined && first !== intent) clashes.push(`after ${topic}: "${text}" is ${first} and ${intent}`);
          if (first === intent) clashes.push(`after ${topic}: "${text}" twice in ${name}`);
          owner.set(key, intent);
        }
      }
    }
    expect(clashes).toEqual([]);
  });
});
