import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The project's check lives beside the repository; without ../shared (e.g. a fresh clone) it is skipped.
const tool = fileURLToPath(new URL('../../../shared/tools/check-own-words', import.meta.url));
// Everything the bot says or learns from: the articles, the training data, and the dialogue's own lines and flows.
const ownText = ['../../knowledge', '../../intents', '../../src/dialogue'].map((dir) => fileURLToPath(new URL(dir, import.meta.url)));
const python = spawnSync('python3', ['--version']).status === 0;

describe.skipIf(!existsSync(tool) || !python)('knowledge/, intents/ and the bot\'s lines are written in our own words (skipped without ../shared/tools/check-own-words or python3)', () => {
  it('shares no run of 8 or more words with the source guides (check-own-words)', () => {
    const run = spawnSync('python3', [tool, ...ownText], { encoding: 'utf8' });
    expect(run.stdout).toMatch(/check-own-words: 0 copied run\(s\)/);
    expect(run.status).toBe(0);
  });
});
