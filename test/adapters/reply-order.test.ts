/**
 * Two quick messages in one conversation, each answered with several replies, through the real
 * Bolt and the real discord.js against the fakes: every reply of the first message arrives before
 * any reply of the second (A-1 A-2 A-3 B-1 B-2 B-3), on both platforms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.js';
import { silentLogger } from '../../src/core/logger.js';
import type { DialoguePolicy, KnowledgeBase } from '../../src/core/ports.js';
import { NOTHING_STATED } from '../../src/core/types.js';
import { createTurnPipeline } from '../../src/core/turn-pipeline.js';
import { createPrivacyGuard } from '../../src/privacy/privacy-guard.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createConversationRunner } from '../../src/core/conversation-runner.js';
import { startSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/index.js';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/index.js';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.js';
import { dmChannelOf, dmMessage, SLACK_IDS } from '../fakes/slack-payloads.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.js';

const REPLIES = 4;
const knowledge: KnowledgeBase = { section: () => undefined, search: () => [] };

/** Answers a message "A" with the replies "A-1" … "A-4". */
const numbered: DialoguePolicy<null> = {
  initialState: () => null,
  parseState: () => null,
  position: () => ({ flow: null, step: null }),
  step: (state, input) => ({
    state,
    effects: Array.from({ length: REPLIES }, (_, i) => ({ type: 'say' as const, text: `${input.message.text ?? ''}-${i + 1}` })),
  }),
};

function pipeline() {
  const store = createMemoryStore();
  const bot = createTurnPipeline({
    privacy: createPrivacyGuard(),
    nlu: { parse: () => ({ intent: 'greeting', confidence: 1, ranking: [], entities: {}, ...NOTHING_STATED }) },
    dialogue: numbered as DialoguePolicy,
    knowledge,
    store,
  });
  return { runner: createConversationRunner({ pipeline: bot }), store };
}

const expected = (...messages: string[]) => messages.flatMap((m) => Array.from({ length: REPLIES }, (_, i) => `${m}-${i + 1}`));

describe('replies to two quick messages keep the order of the messages', () => {
  describe('in Slack (real Bolt, HTTP mode)', () => {
    let slack: FakeSlack;
    let adapter: SlackAdapter;
    beforeAll(async () => {
      slack = await startFakeSlack({ botToken: 'xoxb-order' });
      const { runner, store } = pipeline();
      adapter = await startSlackAdapter({
        runner,
        store,
        env: parseEnv({ SLACK_BOT_TOKEN: 'xoxb-order', SLACK_API_URL: slack.apiUrl, SLACK_SIGNING_SECRET: 'order-secret' }),
        logger: silentLogger(),
        clientOptions: { retryConfig: { retries: 0 } },
        port: 0,
        host: '127.0.0.1',
      });
      slack.deliverTo({ url: `http://127.0.0.1:${adapter.port}/slack/events`, signingSecret: 'order-secret' });
    });
    afterAll(async () => {
      await adapter?.stop();
      await slack?.stop();
    });

    it('posts A-1 … A-4 before B-1 … B-4', async () => {
      const user = SLACK_IDS.alice;
      // HTTP mode acknowledges at once, so both turns are under way together.
      await Promise.all([slack.sendEvent(dmMessage({ text: 'A', user })), slack.sendEvent(dmMessage({ text: 'B', user }))]);
      await adapter.idle();
      const texts = slack.posts.filter((p) => p.channel === dmChannelOf(user)).map((p) => p.text);
      expect(texts).toEqual(expected('A', 'B'));
    });
  });

  describe('in Discord (real discord.js)', () => {
    let discord: FakeDiscord;
    let app: DiscordAdapter;
    beforeAll(async () => {
      discord = await startFakeDiscord({ token: 'order-token' });
      const { runner } = pipeline();
      app = createDiscordAdapter({ runner, token: 'order-token', apiUrl: discord.apiUrl, logger: silentLogger() });
      await app.start();
    });
    afterAll(async () => {
      await app?.stop();
      await discord?.stop();
    });

    it('posts A-1 … A-4 before B-1 … B-4', async () => {
      const dm = discord.dmChannelId(discord.users.alice);
      discord.sendMessage({ content: 'A', dm: true });
      discord.sendMessage({ content: 'B', dm: true });
      const inDm = () => discord.messages.filter((m) => m.channelId === dm);
      const started = Date.now();
      while (inDm().length < REPLIES * 2 && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 10));
      expect(inDm().map((m) => m.content)).toEqual(expected('A', 'B'));
    });
  });
});
