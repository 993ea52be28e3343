import { describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../../src/adapters/discord/index.js';
import { createConversationRunner } from '../../../src/core/conversation-runner.js';
import { ConfigError } from '../../../src/core/errors.js';
import { silentLogger } from '../../../src/core/logger.js';
import { startFakeDiscord } from '../../fakes/fake-discord.js';
import { createFakePipeline } from './fake-pipeline.js';

describe('starting the Discord adapter', () => {
  it('stops with a message naming DISCORD_TOKEN when Discord rejects the token', async () => {
    const discord = await startFakeDiscord({ token: 'the-right-token' });
    const app = createDiscordAdapter({ runner: createConversationRunner({ pipeline: createFakePipeline() }), token: 'a-wrong-token', apiUrl: discord.apiUrl, logger: silentLogger() });
    try {
      const error = await app.start().then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect(String(error)).toMatch(/DISCORD_TOKEN: Discord rejected the token/);
    } finally {
      await app.stop();
      await discord.stop();
    }
  });

  it('says to turn on the Message Content intent when Discord refuses the intents', async () => {
    const discord = await startFakeDiscord({ disallowIntents: true });
    const app = createDiscordAdapter({ runner: createConversationRunner({ pipeline: createFakePipeline() }), token: 'token', apiUrl: discord.apiUrl, logger: silentLogger(), readyTimeoutMs: 5000 });
    try {
      const error = await app.start().then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect(String(error)).toMatch(/Message Content Intent/);
    } finally {
      await app.stop();
      await discord.stop();
    }
  });
});
