import type { Client } from 'discord.js';
import type { ConversationOwners } from '../../../core/conversation-owners.js';
import type { ConversationRunner } from '../../../core/conversation-runner.js';
import type { LiveAgent } from '../../../core/live-agent/live-agent.js';
import type { Logger } from '../../../core/logger.js';
import type { ButtonCodec } from '../custom-id.js';
import type { DiscordOutbox } from '../deliver.js';

/** What every Discord listener gets: the client, the core's runner, and where to post. */
export interface DiscordListenerContext {
  client: Client;
  runner: ConversationRunner;
  outbox: DiscordOutbox;
  codec: ButtonCodec;
  logger: Logger;
  /** Channel ids where mentions are answered; empty = all. */
  supportChannels: readonly string[];
  supportRole?: string;
  /** Where handoff summaries go: the only place a hand-back click is taken from (and, with the live agent, where staff threads are). */
  handoffChannel?: string;
  /** Who started each conversation: only they drive it. */
  owners: ConversationOwners;
  /** The live agent, when staff answer from a thread on the summary (LIVE_AGENT, on by default). */
  live?: LiveAgent;
  /** The bot's own user id ('' before login). */
  botId(): string;
}
