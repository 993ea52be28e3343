/**
 * The real Discord adapter (real discord.js) against the fake Discord, with the small fake core,
 * for the tests of who may drive a conversation and who may hand it back.
 */
import { createDiscordAdapter, type DiscordAdapter } from '../../../src/adapters/discord/index.js';
import { createConversationRunner } from '../../../src/core/conversation-runner.js';
import { silentLogger } from '../../../src/core/logger.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { startFakeDiscord, type BotMessage, type FakeDiscord } from '../../fakes/fake-discord.js';
import { createFakePipeline, type FakePipeline } from './fake-pipeline.js';

export const TOKEN = 'discord-harness-token';

export interface DiscordHarness {
  discord: FakeDiscord;
  app: DiscordAdapter;
  core: FakePipeline;
  /** Alice mentions the bot in #support: her thread, and the bot's reply with buttons in it. */
  aliceThread(text?: string): Promise<{ threadId: string; key: string; reply: BotMessage }>;
  stop(): Promise<void>;
}

export async function startDiscordHarness(options: { supportRole?: boolean } = {}): Promise<DiscordHarness> {
  const discord = await startFakeDiscord({ token: TOKEN });
  const core = createFakePipeline();
  const app = createDiscordAdapter({
    runner: createConversationRunner({ pipeline: core }),
    token: TOKEN,
    apiUrl: discord.apiUrl,
    supportChannels: [discord.ids.support],
    handoffChannel: discord.ids.staff,
    ...(options.supportRole === false ? {} : { supportRole: discord.ids.supportRole }),
    store: createMemoryStore(),
    logger: silentLogger(),
  });
  await app.start();
  return {
    discord,
    app,
    core,
    async aliceThread(text = 'my card was declined') {
      const msg = discord.sendMessage({ content: text, mentionBot: true, author: discord.users.alice });
      const threadId = String(msg.id);
      const reply = await discord.waitForMessage((m) => m.channelId === threadId && discord.buttonsOf(m).length > 0);
      return { threadId, key: `discord:thread:${threadId}`, reply };
    },
    async stop() {
      // The client first: a fake stopped under a live client keeps it reconnecting.
      await app.stop();
      await discord.stop();
    },
  };
}

/** The same message with its buttons replaced: what a forged interaction would carry. */
export function withButton(message: BotMessage, customId: string, label = 'Forged'): BotMessage {
  return { ...message, components: [{ type: 1, components: [{ type: 2, style: 1, label, custom_id: customId }] }] };
}
