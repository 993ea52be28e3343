/**
 * Many workspaces: the real Bolt app installs through its OAuth flow against the fake Slack, keeps
 * each installation in the bot's store, and answers each workspace with that workspace's token.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/index.js';
import { SLACK_BOT_SCOPES } from '../../../src/adapters/slack/scopes.js';
import { parseEnv } from '../../../src/config/env.js';
import { createConversationRunner } from '../../../src/core/conversation-runner.js';
import { ConfigError } from '../../../src/core/errors.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { startFakeSlack, type FakeSlack, type FakeWorkspace } from '../../fakes/fake-slack.js';
import { dmChannelOf, dmMessage, eventEnvelope } from '../../fakes/slack-payloads.js';
import { installThroughOAuth } from '../../support/slack-install.js';
import { createFakePipeline } from '../discord/fake-pipeline.js';

const SECRETS = { SLACK_CLIENT_ID: '1111.2222', SLACK_CLIENT_SECRET: 'client-secret-not-for-logs', SLACK_STATE_SECRET: 'state-secret-long-enough-1234', SLACK_SIGNING_SECRET: 'oauth-signing-secret' };
const ACME: FakeWorkspace = { teamId: 'TACME0001', teamName: 'Acme', botToken: 'xoxb-acme-0001-secret', botUserId: 'UBOTACME1', botId: 'BBOTACME1', webhookChannel: 'CACMESTAF' };
const GLOBEX: FakeWorkspace = { teamId: 'TGLOBEX01', teamName: 'Globex', botToken: 'xoxb-globex-0002-secret', botUserId: 'UBOTGLBX1', botId: 'BBOTGLBX1' };

interface Running {
  slack: FakeSlack;
  adapter: SlackAdapter;
  base: string;
  logs: string[];
  pipeline: ReturnType<typeof createFakePipeline>;
}

const running: Running[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.adapter.stop();
    await r.slack.stop();
  }
});

async function start(store = createMemoryStore(), slack?: FakeSlack): Promise<Running> {
  slack ??= await startFakeSlack({ oauth: { clientId: SECRETS.SLACK_CLIENT_ID, clientSecret: SECRETS.SLACK_CLIENT_SECRET } });
  const logs: string[] = [];
  const logger = pino({ level: 'debug' }, new Writable({ write: (chunk: Buffer, _e, done) => (logs.push(chunk.toString()), done()) }));
  const pipeline = createFakePipeline();
  const env = parseEnv({ ...SECRETS, SLACK_API_URL: slack.apiUrl, LOG_LEVEL: 'debug' });
  const adapter = createSlackAdapter({ runner: createConversationRunner({ pipeline, logger }), env, logger, store, port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
  await adapter.start();
  const base = `http://127.0.0.1:${adapter.port}`;
  slack.oauth!.options.redirectUri = `${base}/slack/oauth_redirect`;
  slack.deliverTo({ url: `${base}/slack/events`, signingSecret: SECRETS.SLACK_SIGNING_SECRET });
  const r = { slack, adapter, base, logs, pipeline };
  running.push(r);
  return r;
}

/** A DM from `user` in `workspace`; resolves with the bot's first post in that DM. */
async function dm(r: Running, workspace: FakeWorkspace, user: string, text: string) {
  const after = r.slack.posts.length;
  await r.slack.sendEvent(dmMessage({ text, user }), { teamId: workspace.teamId });
  return r.slack.waitForPost((p) => p.channel === dmChannelOf(user), { after });
}

describe('Slack in many workspaces (OAuth)', () => {
  it('installs a first and a second workspace through OAuth and answers each with its own token', async () => {
    const r = await start();
    expect(r.adapter.multiWorkspace).toBe(true);
    const first = await installThroughOAuth(r.base, r.slack, ACME);
    expect(first.status).toBe(200);
    expect(first.page).toContain('installed');
    expect(first.page).toContain('Acme');
    const second = await installThroughOAuth(r.base, r.slack, GLOBEX);
    expect(second.status).toBe(200);
    // Slack's authorize page was asked for the manifest's scopes.
    const asked = new URL(first.visited[1]!).searchParams.get('scope')!.split(',');
    expect(asked.sort()).toEqual([...SLACK_BOT_SCOPES].sort());

    const acme = await dm(r, ACME, 'UACMEUSR1', 'hello from acme');
    const globex = await dm(r, GLOBEX, 'UGLBXUSR1', 'hello from globex');
    expect(acme).toMatchObject({ token: ACME.botToken, teamId: ACME.teamId });
    expect(globex).toMatchObject({ token: GLOBEX.botToken, teamId: GLOBEX.teamId });
    // Each conversation is its workspace's.
    expect(r.pipeline.received.map((m) => m.conversationKey)).toEqual([expect.stringContaining(ACME.teamId), expect.stringContaining(GLOBEX.teamId)]);
    // Every Web API call carried the token of the workspace it was for.
    for (const call of r.slack.calls.filter((c) => c.method === 'chat.postMessage')) expect([`Bearer ${ACME.botToken}`, `Bearer ${GLOBEX.botToken}`]).toContain(call.authorization);
  });

  it('never logs a token, the client secret, the state secret or the grant code', async () => {
    const r = await start();
    const run = await installThroughOAuth(r.base, r.slack, ACME);
    await dm(r, ACME, 'UACMEUSR1', 'hi');
    await r.adapter.idle();
    const code = new URL(run.visited[2]!).searchParams.get('code')!;
    const logs = r.logs.join('');
    expect(logs).toContain('slack: app installed in a workspace');
    for (const secret of [ACME.botToken, 'xoxb-', SECRETS.SLACK_CLIENT_SECRET, SECRETS.SLACK_STATE_SECRET, code]) expect(logs).not.toContain(secret);
    expect(run.page).not.toContain(ACME.botToken);
  });

  it('posts a workspace\'s handoff summaries in the channel it chose when it installed the app', async () => {
    const r = await start();
    await installThroughOAuth(r.base, r.slack, ACME);
    const question = await dm(r, ACME, 'UACMEUSR1', 'help');
    await r.slack.click(question, 'Talk to a person', { user: 'UACMEUSR1' });
    const summary = await r.slack.waitForPost((p) => p.channel === ACME.webhookChannel);
    expect(summary.token).toBe(ACME.botToken);
  });

  it('lets only members of the channel a workspace chose hand back, and never a conversation of another workspace', async () => {
    const slack = await startFakeSlack({
      oauth: { clientId: SECRETS.SLACK_CLIENT_ID, clientSecret: SECRETS.SLACK_CLIENT_SECRET },
      channelMembers: { [ACME.webhookChannel!]: ['UACMESTF1'] },
    });
    const r = await start(createMemoryStore(), slack);
    await installThroughOAuth(r.base, r.slack, ACME);
    await installThroughOAuth(r.base, r.slack, GLOBEX);
    const question = await dm(r, ACME, 'UACMEUSR1', 'help');
    await r.slack.click(question, 'Talk to a person', { user: 'UACMEUSR1' });
    const summary = await r.slack.waitForPost((p) => p.channel === ACME.webhookChannel);
    const handBacks = () => r.pipeline.received.filter((m) => m.action === 'handoff:release');

    await r.slack.click(summary, 'Hand back to the bot', { user: 'UACMEUSR2' });
    await r.slack.waitForEphemeral((e) => e.user === 'UACMEUSR2' && e.text.includes('Only the support team'));
    // The same signed button clicked in another workspace (its own staff, its own channel) is refused too.
    await r.slack.click({ ...summary, teamId: GLOBEX.teamId }, 'Hand back to the bot', { user: 'UACMESTF1', teamId: GLOBEX.teamId });
    await r.slack.waitForEphemeral((e) => e.user === 'UACMESTF1' && e.text.includes('not valid'));
    await r.adapter.idle();
    expect(handBacks()).toEqual([]);

    await r.slack.click(summary, 'Hand back to the bot', { user: 'UACMESTF1' });
    await r.slack.waitForUpdate((u) => u.ts === summary.ts);
    expect(handBacks()).toEqual([expect.objectContaining({ conversationKey: `slack:${ACME.teamId}:${dmChannelOf('UACMEUSR1')}`, userId: 'UACMEUSR1' })]);
  });

  it('refuses an install whose state is not this browser\'s, and stores nothing', async () => {
    const r = await start();
    const forged = await installThroughOAuth(r.base, r.slack, GLOBEX, { cookie: 'slack-app-oauth-state=forged' });
    expect(forged.status).toBe(400);
    await r.slack.sendEvent(dmMessage({ text: 'anyone?', user: 'UGLBXUSR1' }), { teamId: GLOBEX.teamId });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(r.slack.posts).toEqual([]);
  });

  it('keeps installations in the bot\'s store: a restarted adapter answers without a new install, and an uninstall forgets', async () => {
    const store = createMemoryStore();
    const r = await start(store);
    await installThroughOAuth(r.base, r.slack, ACME);
    await r.adapter.stop();
    running.splice(running.indexOf(r), 1);
    const again = await start(store, r.slack);
    expect((await dm(again, ACME, 'UACMEUSR1', 'still there?')).token).toBe(ACME.botToken);
    await again.slack.sendEvent({ ...eventEnvelope({ type: 'app_uninstalled' }, { teamId: ACME.teamId, botUserId: ACME.botUserId }) });
    await again.adapter.idle();
    expect(await store.records!('slack-installations').get(`team:${ACME.teamId}`)).toBeUndefined();
  });

  it('needs a store that keeps installations', () => {
    const env = parseEnv({ ...SECRETS });
    expect(() => createSlackAdapter({ runner: createConversationRunner({ pipeline: createFakePipeline() }), env, logger: pino({ level: 'silent' }) })).toThrow(ConfigError);
  });
});
