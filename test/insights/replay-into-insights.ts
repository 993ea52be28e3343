/**
 * Replays transcripts through the real core, with the insights recorder on
 * the pipeline's onTurn listener, as `serve` records real conversations. Transcript i is shifted by
 * i % 7 days, so the report has several days to draw.
 */
import path from 'node:path';
import type { InsightsStore } from '../../src/core/insight-record.js';
import { createSupportbot, type Supportbot } from '../../src/index.js';
import { createInsightsRecorder } from '../../src/insights/recorder.js';
import { createCoreChannelFactory } from '../../src/transcripts/core-channel.js';
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
  const recorder = createInsightsRecorder({ store: insights, retentionDays: 3650, flushIntervalMs: 50, now: () => Date.parse('2026-01-01T00:00:00Z') });
  const { cleaner, privacy, nlu, dialogue, knowledge } = bot.parts;
  // The core as the transcript tests replay it (live-agent staff turns included), recording insights.
  const core = createCoreChannelFactory({ cleaner, privacy, nlu, dialogue, knowledge }, { onTurn: (m, r) => recorder.recordTurn(m, r) });
  const out: Replayed['transcripts'] = [];
  const list = files ?? (await findTranscriptFiles([TRANSCRIPTS_DIR])).sort();
  for (const [i, file] of list.entries()) {
    const { transcript } = await loadTranscript(file);
    const dayOffset = (i % 7) * DAY_MS;
    // Each transcript is another person, on one of seven days.
    const result = await replayTranscript(transcript, (context) => core({ ...context, userId: `${context.userId}-${i}`, now: () => context.now() + dayOffset }), file);
    out.push({ file, transcript, dayOffset, result });
  }
  await recorder.flush();
  return { transcripts: out, bot };
}
