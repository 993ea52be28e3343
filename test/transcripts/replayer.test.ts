import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { replayTranscript, type ChannelFactory } from '../../src/transcripts/replayer.js';
import { transcriptSchema } from '../../src/transcripts/transcript-schema.js';
import { formatFailure } from '../../src/transcripts/format-failure.js';
import { createCoreChannelFactory } from '../../src/transcripts/core-channel.js';
import { createTranscriptRecorder } from '../../src/transcripts/recorder.js';
import { createTurnPipeline } from '../../src/core/turn-pipeline.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { DialoguePolicy, KnowledgeBase } from '../../src/core/ports.js';
import { NOTHING_STATED } from '../../src/core/types.js';

/** A tiny two-step dialogue, so the replayer is tested apart from the real flows. */
const dialogue: DialoguePolicy<{ step: string }> = {
  initialState: () => ({ step: 'start' }),
  parseState: (raw) => raw as { step: string },
  position: (s) => ({ flow: s.step === 'start' ? null : 'demo', step: s.step === 'start' ? null : s.step }),
  step: (s, input) =>
    input.message.action === 'pick:a'
      ? { state: { step: 'done' }, effects: [{ type: 'say', text: 'You picked A. All done.' }] }
      : { state: { step: 'choose' }, effects: [{ type: 'say', text: 'Pick one.', buttons: [{ label: 'Option A', value: 'pick:a' }] }] },
};
const knowledge: KnowledgeBase = { section: () => undefined, search: () => [] };
const parts = {
  privacy: { redact: (t: string) => ({ text: t.replace(/\d{12,19}/g, '[card number]'), findings: [] }) },
  nlu: { parse: () => ({ intent: 'greeting' as const, confidence: 1, ranking: [], entities: {}, ...NOTHING_STATED }) },
  dialogue: dialogue as DialoguePolicy,
  knowledge,
};
const channel: ChannelFactory = createCoreChannelFactory(parts);

const transcript = (turns: unknown[]) => transcriptSchema.parse({ name: 'demo', turns });

describe('the transcript replayer', () => {
  it('passes a transcript whose expectations match, clicking buttons by label', async () => {
    const result = await replayTranscript(
      transcript([
        { user: 'hello', expect: { intent: 'greeting', flow: 'demo', step: 'choose', buttons: ['Option A'], contains: 'pick' } },
        { click: 'Option A', expect: { step: 'done', matches: '/all done/i', notContains: 'pick one' } },
      ]),
      channel,
    );
    expect(result).toMatchObject({ passed: true, turns: 2, failures: [] });
  });

  it('fails a transcript with one wrong expectation and shows the turn, the expectation and what came', async () => {
    const result = await replayTranscript(
      transcript([{ user: 'hello', expect: { step: 'somewhere-else', contains: 'pick' } }]),
      channel,
    );
    expect(result.passed).toBe(false);
    const text = formatFailure(result);
    expect(text).toContain('turn 1: user: "hello"');
    expect(text).toMatch(/step\s+- expected "somewhere-else"\n\s+\+ got\s+"choose"/);
    expect(text).toContain('| Pick one.');
  });

  it('stops at a click on a button that was not offered and says which were', async () => {
    const result = await replayTranscript(transcript([{ user: 'hi' }, { click: 'Option B' }, { user: 'never reached' }]), channel);
    expect(result.failures).toHaveLength(1);
    expect(formatFailure(result)).toContain('["Option A"]');
  });

  it('rejects a turn with both text and a click, naming the field', () => {
    const parsed = transcriptSchema.safeParse({ name: 'x', turns: [{ user: 'a', click: 'b' }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/exactly one of user, click, action, staff, claim, handBack, close, timeout/);
  });
});

describe('the transcript recorder', () => {
  it('writes a redacted conversation that replays green as recorded', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'supportbot-rec-'));
    const recorder = createTranscriptRecorder({ dir, now: () => Date.parse('2026-01-05T09:00:00Z') });
    const pipeline = createTurnPipeline({ ...parts, store: createMemoryStore(), onTurn: recorder.onTurn });
    const base = { platform: 'console' as const, conversationKey: 'cli:me', userId: 'me', receivedAt: 0 };
    await pipeline.handle({ ...base, eventId: 'e1', text: 'hello, card 4111111111111111' });
    await pipeline.handle({ ...base, eventId: 'e2', action: 'pick:a' });

    const [file] = readdirSync(dir);
    const text = readFileSync(path.join(dir, file ?? ''), 'utf8');
    expect(text).not.toContain('4111111111111111');
    expect(text).toContain('[card number]');
    const recorded = transcriptSchema.parse(parse(text));
    expect(recorded.turns[1]).toMatchObject({ click: 'Option A' });
    expect((await replayTranscript(recorded, channel)).passed).toBe(true);
  });
});
