import { describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapterOptions } from '../../../src/adapters/discord/index.js';
import { createConversationRunner } from '../../../src/core/conversation-runner.js';
import { ConfigError, StartupError } from '../../../src/core/errors.js';
import { silentLogger } from '../../../src/core/logger.js';
import { FAKE_IDS, startFakeDiscord } from '../../fakes/fake-discord.js';
import { createFakePipeline } from './fake-pipeline.js';

/** Starts an adapter against a fresh fake Discord and returns what start() threw, if anything. */
async function startWith(options: Partial<DiscordAdapterOptions>): Promise<unknown> {
  const discord = await startFakeDiscord();
  const app = createDiscordAdapter({ runner: createConversationRunner({ pipeline: createFakePipeline() }), token: 't', apiUrl: discord.apiUrl, logger: silentLogger(), readyTimeoutMs: 10_000, ...options });
  try {
    return await app.start().then(() => undefined, (e: unknown) => e);
  } finally {
    await app.stop();
    await discord.stop();
  }
}

describe('the Discord adapter checks its settings when it connects', () => {
  it('starts when the handoff channel, the support role and the support channels exist', async () => {
    expect(await startWith({ handoffChannel: FAKE_IDS.staff, supportRole: FAKE_IDS.supportRole, supportChannels: [FAKE_IDS.support, FAKE_IDS.payments] })).toBeUndefined();
  });

  it.each([
    [{ handoffChannel: '1399999999999999999' }, /^DISCORD_HANDOFF_CHANNEL: Discord has no channel 1399999999999999999/],
    [{ handoffChannel: FAKE_IDS.staff, supportRole: '1299999999999999999' }, /^DISCORD_SUPPORT_ROLE: there is no role 1299999999999999999 in the server of the handoff channel/],
    [{ supportRole: '1299999999999999999' }, /^DISCORD_SUPPORT_ROLE: there is no role/],
    [{ supportChannels: [FAKE_IDS.support, '1388888888888888888'] }, /^DISCORD_SUPPORT_CHANNELS: the bot sees no channel 1388888888888888888/],
  ])('fails with one line naming the variable: %o', async (options, message) => {
    const error = await startWith(options);
    expect(error).toBeInstanceOf(ConfigError);
    expect(String((error as Error).message)).toMatch(message);
  });

  it('says Discord cannot be reached, and where, when nothing answers', async () => {
    const app = createDiscordAdapter({ runner: createConversationRunner({ pipeline: createFakePipeline() }), token: 't', apiUrl: 'http://127.0.0.1:9/api', logger: silentLogger(), readyTimeoutMs: 5000 });
    const error = await app.start().then(() => undefined, (e: unknown) => e);
    await app.stop();
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toMatch(/^Discord: could not reach http:\/\/127\.0\.0\.1:9\/api .*check the network, any proxy, and DISCORD_API_URL/);
  });
});
