/**
 * A pasted card number gets exactly one notice, written by the core, on every platform: the real
 * core (model, dialogue, privacy guard) behind the real discord.js and the real Bolt, against the
 * fakes. The notice says what the platform could do about the message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.js';
import { createConversationRunner } from '../../src/core/conversation-runner.js';
import { silentLogger } from '../../src/core/logger.js';
import { createSupportbot, type Supportbot } from '../../src/index.js';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/index.js';
import { startSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/index.js';
import { startFakeDiscord, type BotMessage, type FakeDiscord } from '../fakes/fake-discord.js';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.js';
import { dmChannelOf, dmMessage, SLACK_IDS } from '../fakes/slack-payloads.js';

const CARD = '4111 1111 1111 1111';
const CARD_DIGITS = /4111\D?1111\D?1111\D?1111/;
/** Anything that reads as a privacy warning (the adapter's old notice said "never ask", the core's "never share"). */
const NOTICE = /never share|never ask|delete/i;

let bot: Supportbot;
beforeAll(async () => {
  bot = await createSupportbot({ store: { kind: 'memory' }, staffPlatforms: [] });
});
afterAll(async () => {
  await bot?.close();
});

describe('a card number pasted in Discord', () => {
  let discord: FakeDiscord;
  let adapter: DiscordAdapter;
  beforeAll(async () => {
    discord = await startFakeDiscord({ token: 'notice-token' });
    adapter = createDiscordAdapter({
      runner: createConversationRunner({ pipeline: bot }),
      token: 'notice-token',
      apiUrl: discord.apiUrl,
      supportChannels: [discord.ids.support, discord.ids.payments],
      logger: silentLogger(),
    });
    await adapter.start();
  });
  afterAll(async () => {
    await adapter?.stop();
    await discord?.stop();
  });

  /** Every message the bot posted in a channel once the turn is over. */
  async function answered(channelId: string): Promise<BotMessage[]> {
    await discord.waitForMessage((m) => m.channelId === channelId, 10_000);
    await adapter.idle();
    await discord.waitForQuiet(100);
    return discord.messages.filter((m) => m.channelId === channelId);
  }

  it('in a direct message gets one notice, asking the person to delete it', async () => {
    discord.sendMessage({ content: `my card is ${CARD}`, dm: true, author: discord.users.bob });
    const messages = await answered(discord.dmChannelId(discord.users.bob));
    const notices = messages.filter((m) => NOTICE.test(m.content));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.content).toMatch(/contains a card number\. Please delete it \(bots can't delete your messages in direct messages\)/);
    expect(JSON.stringify(discord.messages)).not.toMatch(CARD_DIGITS);
  });

  it('in a support channel where the bot may delete gets one notice saying it was deleted', async () => {
    const msg = discord.sendMessage({ content: `payment declined, card ${CARD}`, mentionBot: true });
    const messages = await answered(String(msg.id));
    const notices = messages.filter((m) => NOTICE.test(m.content));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.content).toMatch(/I deleted your message because it contained a card number/);
    expect(discord.deleted).toContainEqual({ channelId: discord.ids.support, messageId: msg.id });
    // The thread was opened before the message was deleted, and is not named after it.
    expect(discord.threads.map((t) => t.id)).toContain(msg.id);
    expect(messages.every((m) => m.replyTo === undefined)).toBe(true);
  });

  it('in a channel where the bot may not delete gets one notice asking the person to', async () => {
    const msg = discord.sendMessage({ content: `card ${CARD}`, mentionBot: true, channelId: discord.ids.payments });
    const messages = await answered(String(msg.id));
    const notices = messages.filter((m) => NOTICE.test(m.content));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.content).toMatch(/others in this channel can see it\. Please delete it now/);
    expect(discord.deleted.map((d) => d.messageId)).not.toContain(msg.id);
  });
});

describe('a card number pasted in Slack', () => {
  let slack: FakeSlack;
  let adapter: SlackAdapter;
  beforeAll(async () => {
    slack = await startFakeSlack({ botToken: 'xoxb-notice' });
    adapter = await startSlackAdapter({
      runner: createConversationRunner({ pipeline: bot }),
      env: parseEnv({ SLACK_BOT_TOKEN: 'xoxb-notice', SLACK_API_URL: slack.apiUrl, SLACK_SIGNING_SECRET: 'notice-secret' }),
      logger: silentLogger(),
      clientOptions: { retryConfig: { retries: 0 } },
      port: 0,
      host: '127.0.0.1',
    });
    slack.deliverTo({ url: `http://127.0.0.1:${adapter.port}/slack/events`, signingSecret: 'notice-secret' });
  });
  afterAll(async () => {
    await adapter?.stop();
    await slack?.stop();
  });

  it('in a direct message gets the same single notice as in Discord', async () => {
    await slack.sendEvent(dmMessage({ text: `my card is ${CARD}`, user: SLACK_IDS.alice }));
    await adapter.idle();
    const posts = slack.posts.filter((p) => p.channel === dmChannelOf(SLACK_IDS.alice));
    const notices = posts.filter((p) => NOTICE.test(p.text));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.text).toMatch(/contains a card number\. Please delete it/);
    expect(slack.everythingSent()).not.toMatch(CARD_DIGITS);
  });
});
