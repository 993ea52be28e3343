/**
 * The real Discord adapter (real discord.js) with the real core and the live agent, against the
 * fake Discord: a person talks in a thread of #support, staff work from a thread opened on the
 * summary in the handoff channel (#support-staff), as members of the support role.
 */
import { createConversationRunner, type ConversationRunner } from '../../../src/core/conversation-runner.js';
import { createLiveAgent, type LiveAgent } from '../../../src/core/live-agent/live-agent.js';
import { silentLogger } from '../../../src/core/logger.js';
import type { StoreSpec } from '../../../src/store/open-store.js';
import { createSupportbot, createSupportbotLogger, type Supportbot } from '../../../src/index.js';
import { createDiscordAdapter, type DiscordAdapter } from '../../../src/adapters/discord/index.js';
import { startFakeDiscord, type BotMessage, type FakeDiscord } from '../../fakes/fake-discord.js';

export const LIVE_DISCORD_TOKEN = 'live-discord-token';

export interface LiveDiscord {
  discord: FakeDiscord;
  adapter: DiscordAdapter;
  live: LiveAgent;
  runner: ConversationRunner;
  bot: Supportbot;
  /** Waits until this instance has nothing in progress. */
  settle(): Promise<void>;
  /** Stops the discord.js client before the fake it talks to (else the test process hangs). */
  stop(): Promise<void>;
}

export interface LiveDiscordOptions {
  /** Share one fake Discord between instances (the caller stops it). */
  discord?: FakeDiscord;
  store?: StoreSpec;
}

export async function startLiveDiscord(options: LiveDiscordOptions = {}): Promise<LiveDiscord> {
  const discord = options.discord ?? (await startFakeDiscord({ token: LIVE_DISCORD_TOKEN }));
  const logger = process.env.DEBUG_DISCORD ? createSupportbotLogger('debug') : silentLogger();
  const bot = await createSupportbot({ store: options.store ?? { kind: 'memory' }, logger });
  const runner = createConversationRunner({ pipeline: bot, logger });
  const live = createLiveAgent({ runner, store: bot.parts.store, privacy: bot.parts.privacy, logger, claimTimeoutMs: null, relaySettleMs: 20 });
  const adapter = createDiscordAdapter({
    runner,
    token: LIVE_DISCORD_TOKEN,
    apiUrl: discord.apiUrl,
    supportChannels: [discord.ids.support],
    handoffChannel: discord.ids.staff,
    supportRole: discord.ids.supportRole,
    logger,
    live,
  });
  await adapter.start();
  live.start();
  return {
    discord,
    adapter,
    live,
    runner,
    bot,
    async settle() {
      await adapter.idle();
      await live.idle();
      await runner.idle();
      await adapter.idle();
    },
    async stop() {
      await live.stop();
      await adapter.stop();
      await bot.close();
      if (!options.discord) await discord.stop();
    },
  };
}

/** A handoff summary in the handoff channel (it offers `label`). */
export function isLiveSummary(discord: FakeDiscord, m: BotMessage, label = 'Hand back to the bot'): boolean {
  return m.channelId === discord.ids.staff && discord.buttonsOf(m).some((b) => b.label === label);
}
