/**
 * The real Slack adapter (real Bolt, HTTP mode) with the real core and the live agent, against the
 * fake Slack: a person talks in a DM or a channel thread, staff work from the summary's thread in
 * the handoff channel. Several harnesses may share one fake Slack and one Redis (two instances).
 */
import { parseEnv } from '../../../src/config/env.js';
import { createConversationRunner, type ConversationRunner } from '../../../src/core/conversation-runner.js';
import { createLiveAgent, type LiveAgent, type LiveRecord } from '../../../src/core/live-agent/live-agent.js';
import { silentLogger, type Logger } from '../../../src/core/logger.js';
import type { ConversationStore } from '../../../src/core/ports.js';
import type { StoreSpec } from '../../../src/store/open-store.js';
import { createSupportbot, type Supportbot } from '../../../src/index.js';
import { startSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/index.js';
import { buttonsOf, startFakeSlack, type FakeSlack, type PostedMessage } from '../../fakes/fake-slack.js';
import { SLACK_IDS } from '../../fakes/slack-payloads.js';

export const LIVE_SIGNING_SECRET = 'live-signing-secret';
export const LIVE_BOT_TOKEN = 'xoxb-live-bot-token';

export interface LiveSlack {
  slack: FakeSlack;
  adapter: SlackAdapter;
  live: LiveAgent;
  runner: ConversationRunner;
  bot: Supportbot;
  /** Where this instance takes HTTP events. */
  url: string;
  /** Waits until this instance has nothing in progress. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

export interface LiveSlackOptions {
  slack?: FakeSlack;
  /** The core's store (default memory); a Redis spec gives each instance its own connection. */
  store?: ConversationStore | StoreSpec;
  claimTimeoutMs?: number | null;
  supportHours?: string;
  relaySettleMs?: number;
  logger?: Logger;
  /** Record each conversation as a transcript here (staff turns included). */
  recordDir?: string;
}

export async function startLiveSlack(options: LiveSlackOptions = {}): Promise<LiveSlack> {
  const slack = options.slack ?? (await startFakeSlack({ botToken: LIVE_BOT_TOKEN }));
  const logger = options.logger ?? silentLogger();
  const bot = await createSupportbot({ store: options.store ?? { kind: 'memory' }, logger, ...(options.supportHours ? { dialogue: { supportHours: options.supportHours } } : {}), ...(options.recordDir ? { recordDir: options.recordDir } : {}) });
  const recorder = bot.recorder;
  const runner = createConversationRunner({ pipeline: bot, logger });
  const live = createLiveAgent({
    runner,
    store: bot.parts.store,
    privacy: bot.parts.privacy,
    logger,
    claimTimeoutMs: options.claimTimeoutMs === undefined ? null : options.claimTimeoutMs,
    relaySettleMs: options.relaySettleMs ?? 20,
    pollMs: 50,
    ...(recorder ? { onRecord: (r: LiveRecord) => recorder.onLive(r) } : {}),
  });
  const env = parseEnv({ SLACK_BOT_TOKEN: LIVE_BOT_TOKEN, SLACK_SIGNING_SECRET: LIVE_SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, SLACK_HANDOFF_CHANNEL: SLACK_IDS.staffChannel });
  const adapter = await startSlackAdapter({ runner, env, logger, store: bot.parts.store, live, clientOptions: { retryConfig: { retries: 0 } }, port: 0, host: '127.0.0.1' });
  live.start();
  const url = `http://127.0.0.1:${adapter.port}/slack/events`;
  if (!options.slack) slack.deliverTo({ url, signingSecret: LIVE_SIGNING_SECRET });
  return {
    slack,
    adapter,
    live,
    runner,
    bot,
    url,
    async settle() {
      await adapter.idle();
      await live.idle();
      await runner.idle();
    },
    async stop() {
      await live.stop();
      await adapter.stop();
      await bot.close();
      if (!options.slack) await slack.stop();
    },
  };
}

/** The summary of a handoff in the staff channel (the newest one whose controls include `label`). */
export function isSummary(post: PostedMessage, label = 'Hand back to the bot'): boolean {
  return post.channel === SLACK_IDS.staffChannel && post.threadTs === undefined && buttonsOf(post.blocks).some((b) => b.label === label);
}

/** The text of a post as people read it: its section blocks (or its fallback text). */
export function shown(post: PostedMessage): string {
  const sections = post.blocks.flatMap((b) => [b.text?.text ?? '', ...(b.elements ?? []).map((e) => String(e.text ?? ''))]).join('\n');
  return sections.trim() === '' ? post.text : sections;
}
