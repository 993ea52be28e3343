/**
 * Replays transcripts through the real core into one shared store, with the insights recorder on
 * the pipeline's onTurn listener, as `serve` records real conversations. Transcript i is shifted by
 * i % 7 days, so the report has several days to draw.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { InsightsStore } from '../../src/core/insight-record.js';
import { createTurnPipeline } from '../../src/core/turn-pipeline.js';
import { createSupportbot, type Supportbot } from '../../src/index.js';
import { createInsightsRecorder } from '../../src/insights/recorder.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { findTranscriptFiles, loadTranscript } from '../../src/transcripts/load-transcript.js';
import { replayTranscript, type ReplayResult } from '../../src/transcripts/replayer.js';
import type { Transcript } from '../../src/transcripts/transcript-schema.js';

export const TRANSCRIPTS_DIR = path.resolve('test/transcripts/conversations');
export const DAY_MS = 86_400_000;

export interface Replayed {
  transcripts: Array<{ file: string; transcript: Transcript; dayOffset: number; result: ReplayResult }>;
  bot: Supportbot;
}

let shared: Promise<Supportbot> | undefined;
/** The model and knowledge base, loaded once per test file. */
export const sharedBot = (): Promise<Supportbot> => (shared ??= createSupportbot({ store: { kind: 'memory' } }));

export async function replayIntoInsights(insights: InsightsStore, files?: string[]): Promise<Replayed> {
  const bot = await sharedBot();
  const store = createMemoryStore();
  const recorder = createInsightsRecorder({ store: insights, retentionDays: 3650, flushIntervalMs: 50, now: () => Date.parse('2026-01-01T00:00:00Z') });
  const { cleaner, privacy, nlu, dialogue, knowledge } = bot.parts;
  const out: Replayed['transcripts'] = [];
  const list = files ?? (await findTranscriptFiles([TRANSCRIPTS_DIR])).sort();
  for (const [i, file] of list.entries()) {
    const { transcript } = await loadTranscript(file);
    const dayOffset = (i % 7) * DAY_MS;
    const result = await replayTranscript(
      transcript,
      async (context) => {
        const now = () => context.now() + dayOffset;
        const conversationKey = `replay:${context.conversationId}`;
        if (context.initialState !== undefined) await store.put({ key: conversationKey, version: 1, state: dialogue.parseState(context.initialState), updatedAt: now() }, 0);
        const pipeline = createTurnPipeline({ cleaner, privacy, nlu, dialogue, knowledge, store, now, onTurn: (m, r) => recorder.recordTurn(m, r) });
        return {
          async send(input) {
            const base = { platform: 'replay' as const, conversationKey, userId: `${context.userId}-${i}`, eventId: randomUUID(), receivedAt: input.at + dayOffset };
            const r = await pipeline.handle(input.action !== undefined ? { ...base, action: input.action } : { ...base, text: input.text ?? '' });
            return { intent: r.intent, flow: r.flow, step: r.step, replies: r.replies, citations: r.citations, handoff: r.handoff };
          },
          close: async () => undefined,
        };
      },
      file,
    );
    out.push({ file, transcript, dayOffset, result });
  }
  await recorder.flush();
  return { transcripts: out, bot };
}
