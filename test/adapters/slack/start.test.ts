import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEnv } from '../../../src/config/env.js';
import { ConfigError } from '../../../src/core/errors.js';
import type { IncomingMessage, TurnResult } from '../../../src/core/types.js';
import { silentLogger } from '../../../src/core/logger.js';
import { createConversationRunner } from '../../../src/core/conversation-runner.js';
import { SlackStartError, startSlackAdapter } from '../../../src/adapters/slack/index.js';
import { startFakeSlack, type FakeSlack } from '../../fakes/fake-slack.js';
import { dmChannelOf, dmMessage, SLACK_IDS } from '../../fakes/slack-payloads.js';
import { APP_TOKEN, BOT_TOKEN, startHarness, type Harness } from './harness.js';

const runner = createConversationRunner({ pipeline: { handle: async () => ({}) as never } });

describe('starting the Slack adapter', () => {
  let slack: FakeSlack | undefined;
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    await slack?.stop();
    h = undefined;
    slack = undefined;
  });

  it('refuses a token Slack rejects, naming the variable', async () => {
    slack = await startFakeSlack({ botToken: BOT_TOKEN });
    const env = parseEnv({ SLACK_BOT_TOKEN: 'xoxb-wrong', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: slack.apiUrl });
    const started = startSlackAdapter({ runner, env, logger: silentLogger(), port: 0, host: '127.0.0.1' });
    await expect(started).rejects.toBeInstanceOf(ConfigError);
    await expect(started).rejects.toThrow(/SLACK_BOT_TOKEN: Slack rejected the token \(invalid_auth\)/);
  });

  it('refuses an app-level token Slack rejects in Socket Mode, naming the variable', async () => {
    slack = await startFakeSlack({ socketMode: true, botToken: BOT_TOKEN, appToken: APP_TOKEN });
    const env = parseEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: 'xapp-wrong', SLACK_API_URL: slack.apiUrl });
    const started = startSlackAdapter({ runner, env, logger: silentLogger(), clientOptions: { retryConfig: { retries: 0 } } });
    await expect(started).rejects.toThrow(/SLACK_APP_TOKEN: Slack rejected the app-level token \(invalid_auth\)/);
  });

  it('refuses a handoff channel Slack does not know, naming the variable', async () => {
    slack = await startFakeSlack({ botToken: BOT_TOKEN });
    const env = parseEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: 's', SLACK_API_URL: slack.apiUrl, SLACK_HANDOFF_CHANNEL: 'CNOSUCH01' });
    const started = startSlackAdapter({ runner, env, logger: silentLogger(), port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
    await expect(started).rejects.toBeInstanceOf(ConfigError);
    await expect(started).rejects.toThrow(/^SLACK_HANDOFF_CHANNEL: Slack has no channel CNOSUCH01 the bot can see/);
  });

  it('only warns when it may not look the handoff channel up (an app without channels:read)', async () => {
    slack = await startFakeSlack({ botToken: BOT_TOKEN });
    slack.failNext('conversations.info', 'missing_scope');
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const env = parseEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: 's', SLACK_API_URL: slack.apiUrl, SLACK_HANDOFF_CHANNEL: SLACK_IDS.staffChannel });
    const adapter = await startSlackAdapter({ runner, env, logger, port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
    try {
      expect(adapter.status().state).toBe('ready');
      expect(lines.join('')).toContain('cannot check SLACK_HANDOFF_CHANNEL: add the channels:read and groups:read scopes');
    } finally {
      await adapter.stop();
    }
  });

  it('says which port is taken when it cannot listen', async () => {
    h = await startHarness();
    const env = parseEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: 's', SLACK_API_URL: h.slack.apiUrl });
    const started = startSlackAdapter({ runner, env, logger: silentLogger(), port: h.adapter.port!, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
    await expect(started).rejects.toThrow(/^PORT: cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\)/);
  });

  it('gives up quickly, with a message, when Slack cannot be reached', async () => {
    const env = parseEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://127.0.0.1:9/api/' });
    const t0 = performance.now();
    await expect(startSlackAdapter({ runner, env, logger: silentLogger(), port: 0, host: '127.0.0.1' })).rejects.toBeInstanceOf(SlackStartError);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it('listens to the slash command named in SLACK_SLASH_COMMAND', async () => {
    h = await startHarness({ env: { SLACK_SLASH_COMMAND: '/payhelp' } });
    const after = h.slack.posts.length;
    const other = await h.slack.sendCommand({ command: '/alipay-help', text: 'ignored', user: SLACK_IDS.alice });
    expect(JSON.parse(other.body)).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('/payhelp') });
    await h.slack.sendCommand({ command: '/payhelp', text: 'my card', user: SLACK_IDS.alice });
    const post = await h.slack.waitForPost((p) => p.channel === dmChannelOf(SLACK_IDS.alice), { after });
    await h.adapter.idle();
    expect(post.text).toContain('heard: my card');
    expect(h.seen.map((m) => m.text)).toEqual(['my card']);
    expect(h.logs.join('')).toContain('slash command does not match SLACK_SLASH_COMMAND');
  });

  it('logs a handoff it cannot post when no handoff channel is set', async () => {
    h = await startHarness({ env: { SLACK_HANDOFF_CHANNEL: '' } });
    const after = h.slack.posts.length;
    await h.slack.sendEvent(dmMessage({ text: 'help', user: SLACK_IDS.alice }));
    const question = await h.slack.waitForPost(() => true, { after });
    await h.slack.click(question, 'Talk to a person');
    await h.adapter.idle();
    expect(h.logs.join('')).toContain('SLACK_HANDOFF_CHANNEL is not set');
    expect(h.slack.posts.some((p) => p.channel === SLACK_IDS.staffChannel)).toBe(false);
  });

  it('acknowledges an event at once even when the turn is slow, then posts the answer', async () => {
    slack = await startFakeSlack({ botToken: BOT_TOKEN });
    const env = parseEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: slack.apiUrl });
    const slowBot = {
      handle: async (m: IncomingMessage): Promise<TurnResult> => {
        await new Promise((r) => setTimeout(r, 1500));
        return { conversationKey: m.conversationKey, userId: m.userId, platform: 'slack', intent: null, confidence: 1, flow: null, step: null, replies: [{ text: 'slow answer', buttons: [], citations: [] }], citations: [], handoff: false, duplicate: false, redactions: [] };
      },
    };
    const adapter = await startSlackAdapter({ runner: createConversationRunner({ pipeline: slowBot }), env, logger: silentLogger(), port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
    try {
      slack.deliverTo({ url: `http://127.0.0.1:${adapter.port}/slack/events`, signingSecret: 'secret' });
      const t0 = performance.now();
      const sent = await slack.sendEvent(dmMessage({ text: 'hi', user: SLACK_IDS.alice }));
      const ackMs = performance.now() - t0;
      expect(sent.status).toBe(200);
      expect(ackMs).toBeLessThan(1000);
      expect(slack.posts).toHaveLength(0);
      expect((await slack.waitForPost()).text).toBe('slow answer');
    } finally {
      await adapter.stop();
    }
  });

  it('waits for a turn in progress to post its answer before it stops', async () => {
    slack = await startFakeSlack({ botToken: BOT_TOKEN });
    const env = parseEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: slack.apiUrl });
    const slowBot = {
      handle: async (m: IncomingMessage): Promise<TurnResult> => {
        await new Promise((r) => setTimeout(r, 300));
        return { conversationKey: m.conversationKey, userId: m.userId, platform: 'slack', intent: null, confidence: 1, flow: null, step: null, replies: [{ text: 'last words', buttons: [], citations: [] }], citations: [], handoff: false, duplicate: false, redactions: [] };
      },
    };
    const adapter = await startSlackAdapter({ runner: createConversationRunner({ pipeline: slowBot }), env, logger: silentLogger(), port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
    slack.deliverTo({ url: `http://127.0.0.1:${adapter.port}/slack/events`, signingSecret: 'secret' });
    await slack.sendEvent(dmMessage({ text: 'hi', user: SLACK_IDS.alice }));
    await adapter.stop();
    expect(slack.posts.map((p) => p.text)).toEqual(['last words']);
  });

  it('reconnects in Socket Mode when Slack asks it to, and keeps answering', async () => {
    slack = await startFakeSlack({ socketMode: true, botToken: BOT_TOKEN });
    const env = parseEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.apiUrl });
    const adapter = await startSlackAdapter({
      runner: createConversationRunner({ pipeline: { handle: async (m) => ({ conversationKey: m.conversationKey, userId: m.userId, platform: 'slack', intent: null, confidence: 1, flow: null, step: null, replies: [{ text: 'pong', buttons: [], citations: [] }], citations: [], handoff: false, duplicate: false, redactions: [] }) } }),
      env,
      logger: silentLogger(),
      clientOptions: { retryConfig: { retries: 0 } },
      socketPingTimeoutMs: 500,
    });
    try {
      slack.sendRaw({ type: 'disconnect', reason: 'refresh_requested' });
      await slack.waitForCall('apps.connections.open', () => slack!.calls.filter((c) => c.method === 'apps.connections.open').length >= 2, { timeoutMs: 5000 });
      await new Promise((r) => setTimeout(r, 100)); // the new socket's hello
      await slack.sendEvent(dmMessage({ text: 'ping', user: SLACK_IDS.alice }));
      expect((await slack.waitForPost()).text).toBe('pong');
    } finally {
      await adapter.stop();
    }
  });
});
