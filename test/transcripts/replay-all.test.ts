import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createSupportbot, type Supportbot } from '../../src/index.js';
import { createCoreChannelFactory } from '../../src/transcripts/core-channel.js';
import { formatFailure } from '../../src/transcripts/format-failure.js';
import { loadTranscript } from '../../src/transcripts/load-transcript.js';
import { replayTranscript } from '../../src/transcripts/replayer.js';

const dir = fileURLToPath(new URL('./conversations/', import.meta.url));
const files = readdirSync(dir, { recursive: true })
  .map(String)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

let bot: Supportbot;
beforeAll(async () => {
  bot = await createSupportbot({ store: { kind: 'memory' } });
});
afterAll(async () => {
  await bot.close();
});

describe('every transcript in test/transcripts/conversations replays through the core', () => {
  it('has at least 40 transcripts', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(files)('%s', async (file) => {
    const full = path.join(dir, file);
    const { transcript } = await loadTranscript(full);
    const result = await replayTranscript(transcript, createCoreChannelFactory(bot.parts), full);
    if (!result.passed) expect.fail(`\n${formatFailure(result)}`);
  });
});
