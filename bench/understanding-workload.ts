import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputCleaner, IntentClassifier, PrivacyGuard } from '../src/core/ports.js';
import { NO_CONTEXT, type UnderstandingContext } from '../src/core/types.js';
import { readLabelledJsonl } from '../src/nlu/evaluation/read-jsonl.js';
import { percentiles, timeMs } from './stats.js';

const dir = fileURLToPath(new URL('../test/evaluation/understanding/', import.meta.url));
/** Real-user style messages written blind (see that folder's README): long, typos, several facts. */
export const UNDERSTANDING_FILES = ['dev3.jsonl', 'test.jsonl'].map((name) => path.join(dir, name));

/** One message as the turn pipeline hands it to the NLU: hygiene and privacy guard done, with its context. */
export interface UnderstandingItem {
  text: string;
  context: UnderstandingContext;
  words: number;
  chars: number;
}

/**
 * The texts and contexts of the evaluation rows, and nothing else: this is a timing workload, so
 * labels are dropped here and no prediction is kept or shown (test.jsonl is for reporting accuracy
 * only). Each text goes through the bot's own cleaner and privacy guard first, untimed, so the timed
 * call gets exactly what a turn would give it.
 */
export async function understandingWorkload(cleaner: InputCleaner, privacy: PrivacyGuard): Promise<UnderstandingItem[]> {
  const rows = (await Promise.all(UNDERSTANDING_FILES.map((file) => readLabelledJsonl(file)))).flat();
  return rows.map((row) => {
    const text = privacy.redact(cleaner.clean(row.text).text).text;
    return { text, context: row.context ?? NO_CONTEXT, words: text.split(/\s+/).filter(Boolean).length, chars: text.length };
  });
}

const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;

/** How long the measured messages were, so the figure says what it measured. */
export function lengthDistribution(items: readonly UnderstandingItem[]) {
  const words = items.map((i) => i.words).sort((a, b) => a - b);
  const chars = items.map((i) => i.chars).sort((a, b) => a - b);
  const of = (sorted: number[]) => ({ min: sorted[0] ?? 0, p50: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), p99: quantile(sorted, 0.99), max: sorted.at(-1) ?? 0 });
  return {
    messages: items.length,
    withContext: items.filter((i) => i.context !== NO_CONTEXT).length,
    words: of(words),
    chars: of(chars),
    wordBuckets: Object.fromEntries(WORD_BUCKETS.map((b) => [b.name, items.filter((i) => i.words >= b.from && i.words <= b.to).length])),
  };
}

export const WORD_BUCKETS = [
  { name: '1-9 words', from: 1, to: 9 },
  { name: '10-24 words', from: 10, to: 24 },
  { name: '25+ words', from: 25, to: Infinity },
];

/**
 * Times `nlu.parse(text, context)`, the one call a turn makes for the whole understanding of a
 * message (intent ranking, facts, status, asks-question, read against its context): see
 * src/core/turn/step-conversation.ts. Warm-up passes first (untimed), then `rounds` passes over
 * every message, each call timed alone (wall clock) and also as this process's CPU time, which the
 * machine's other load does not inflate. Also by message length, since long messages cost most, and
 * per message its fastest call, which shows the cost of the work itself on a busy machine.
 */
export function timeUnderstanding(nlu: IntentClassifier, items: readonly UnderstandingItem[], rounds: number, warmupRounds = 3) {
  for (let r = 0; r < warmupRounds; r += 1) for (const item of items) nlu.parse(item.text, item.context);
  const wall: number[] = [];
  const cpu: number[] = [];
  const byBucket = new Map<string, number[]>(WORD_BUCKETS.map((b) => [b.name, []]));
  const best = items.map(() => Infinity);
  for (let r = 0; r < rounds; r += 1) {
    for (const [i, item] of items.entries()) {
      const before = process.cpuUsage();
      const ms = timeMs(() => nlu.parse(item.text, item.context));
      const used = process.cpuUsage(before);
      wall.push(ms);
      best[i] = Math.min(best[i] ?? Infinity, ms);
      cpu.push((used.user + used.system) / 1000);
      byBucket.get(WORD_BUCKETS.find((b) => item.words >= b.from && item.words <= b.to)?.name ?? '')?.push(ms);
    }
  }
  return {
    wall: { ...percentiles(wall), max: Math.max(...wall) },
    cpu: { ...percentiles(cpu), max: Math.max(...cpu) },
    // Each message's fastest of its timed calls: what it costs when nothing else gets in the way.
    bestPerMessage: { ...percentiles(best), max: Math.max(...best) },
    byLength: Object.fromEntries([...byBucket].map(([name, samples]) => [name, { ...percentiles(samples), max: Math.max(...samples) }])),
    rounds,
    warmupRounds,
  };
}
