/**
 * One conversation, three channels: the same transcripts replayed through the core, the real Slack
 * adapter against the fake Slack, and the real Discord adapter against the fake Discord. Each
 * adapter and fake start once; every transcript is a new person in a new DM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { createSupportbot, type Supportbot } from '../../src/index.js';
import { createCoreChannelFactory } from '../../src/transcripts/core-channel.js';
import { formatFailure } from '../../src/transcripts/format-failure.js';
import { loadTranscript } from '../../src/transcripts/load-transcript.js';
import { replayTranscript, type ChannelFactory } from '../../src/transcripts/replayer.js';
import { transcriptSchema } from '../../src/transcripts/transcript-schema.js';
import { startSlackReplay, type SlackReplay } from './slack-channel.js';
import { startDiscordReplay, type DiscordReplay } from './discord-channel.js';

const dir = fileURLToPath(new URL('./conversations/', import.meta.url));

/** A representative set: clicks and typed answers, citations, a handoff with silence, a secret, the idle clock. */
const REPRESENTATIVE = [
  'declined-three-causes-then-contact.yaml', // decline diagnosis: clicks and typed "no"s, then who to contact
  'link-card-visa-happy-path.yaml', // every step of linking a card, by clicks
  'handoff-typed-request.yaml', // a person takes over, the bot stays quiet, staff hand back
  'privacy-card-number-spaces.yaml', // a pasted card number: warned, never repeated
  'info-fees-question.yaml', // an information question answered with citations
  'skills-digression-limits-button.yaml', // a question mid-flow, then Carry on
  'skills-idle-timeout-resume.yaml', // 31 minutes idle, then resume
];
/**
 * REPLAY_EVERY_TRANSCRIPT=1 replays the whole folder on every channel (slower; for adapter work),
 * except transcripts tagged `core-only` (a click no chat client can make, e.g. on an answered button).
 */
const CHOSEN = process.env.REPLAY_EVERY_TRANSCRIPT
  ? readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f) && !/^tags:.*\bcore-only\b/m.test(readFileSync(path.join(dir, f), 'utf8')))
      .sort()
  : REPRESENTATIVE;

let bot: Supportbot;
let slack: SlackReplay | undefined;
let discord: DiscordReplay | undefined;
const channels: Record<'core' | 'slack' | 'discord', () => ChannelFactory> = {
  core: () => createCoreChannelFactory(bot.parts),
  slack: () => {
    if (!slack) throw new Error('the Slack replay did not start');
    return slack.factory;
  },
  discord: () => {
    if (!discord) throw new Error('the Discord replay did not start');
    return discord.factory;
  },
};

beforeAll(async () => {
  bot = await createSupportbot({ store: { kind: 'memory' } });
  [slack, discord] = await Promise.all([startSlackReplay(bot.parts), startDiscordReplay(bot.parts)]);
}, 30_000);

afterAll(async () => {
  await slack?.stop();
  await discord?.stop();
  await bot?.close();
});

describe.each(['core', 'slack', 'discord'] as const)('transcripts replayed through %s', (channel) => {
  it.each(CHOSEN)('%s passes', async (file) => {
    const full = path.join(dir, file);
    const { transcript } = await loadTranscript(full);
    const result = await replayTranscript(transcript, channels[channel](), full);
    if (!result.passed) expect.fail(`\n${formatFailure(result)}`);
    expect(result.turns).toBeGreaterThan(0);
  });
});

describe('what the platforms received', () => {
  it.each(['slack', 'discord'] as const)('a wrong expectation fails on %s, with the text and buttons the platform received', async (channel) => {
    const transcript = transcriptSchema.parse({
      name: 'one wrong step',
      turns: [
        { user: 'my card got declined on alibaba', expect: { step: 'ask_cause', buttons: ['Not enough funds or a limit'] } },
        { click: 'Not enough funds or a limit', expect: { step: 'fix_card', notContains: 'did that fix it' } },
      ],
    });
    const result = await replayTranscript(transcript, channels[channel]());
    expect(result.passed).toBe(false);
    expect(result.failures.map((f) => f.index)).toEqual([1]);
    const diff = formatFailure(result);
    expect(diff).toMatch(/step\s+- expected "fix_card"\n\s+\+ got\s+"fix_funds"/);
    expect(diff).toMatch(/notContains\s+- expected no "did that fix it"/);
    expect(diff).toContain('| Did that fix it?');
    expect(diff).toContain('[Yes, it worked] [No, still declined] [Who should I contact?]');
  });

  it('never sent a pasted card number to Slack or Discord', () => {
    expect(slack?.slack.everythingSent()).not.toMatch(/4111\D?1111\D?1111\D?1111/);
    const discordSent = JSON.stringify(discord?.discord.rest.map((c) => c.body));
    expect(discordSent).not.toMatch(/4111\D?1111\D?1111\D?1111/);
  });
});
