/**
 * `supportbot serve` for many Slack workspaces, as deployed: the real process in HTTP mode with the
 * lowdb store, two workspaces installing through OAuth against the fake Slack, each answered with
 * its own token, before and after a restart; /readyz and /metrics on the same port.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack, type FakeWorkspace } from '../fakes/fake-slack.js';
import { dmChannelOf, dmMessage } from '../fakes/slack-payloads.js';
import { get, serveProcess, type Served } from '../support/served.js';
import { installThroughOAuth } from '../support/slack-install.js';

const SECRETS = { SLACK_CLIENT_ID: '1111.2222', SLACK_CLIENT_SECRET: 'serve-client-secret', SLACK_STATE_SECRET: 'serve-state-secret-0123456789', SLACK_SIGNING_SECRET: 'serve-signing-secret' };
const ACME: FakeWorkspace = { teamId: 'TACME0001', teamName: 'Acme', botToken: 'xoxb-acme-serve', botUserId: 'UBOTACME1', botId: 'BBOTACME1', webhookChannel: 'CACMESTAF' };
const GLOBEX: FakeWorkspace = { teamId: 'TGLOBEX01', teamName: 'Globex', botToken: 'xoxb-globex-serve', botUserId: 'UBOTGLBX1', botId: 'BBOTGLBX1' };

describe('serve for many Slack workspaces, installed through OAuth', () => {
  let slack: FakeSlack;
  let dataDir: string;
  let bot: Served | undefined;
  let base = '';
  const stderr: string[] = [];

  async function start(): Promise<void> {
    bot = serveProcess(['node', 'bin/supportbot.js', 'serve'], { ...SECRETS, SLACK_API_URL: slack.apiUrl, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'debug' });
    const listening = await bot.waitForLog((l) => String(l.msg).startsWith('slack adapter listening'));
    base = `http://127.0.0.1:${String(listening.port)}`;
    slack.oauth!.options.redirectUri = `${base}/slack/oauth_redirect`;
    slack.deliverTo({ url: `${base}/slack/events`, signingSecret: SECRETS.SLACK_SIGNING_SECRET });
  }
  async function stop(): Promise<number | null> {
    const code = (await bot?.stop()) ?? null;
    stderr.push(bot?.stderr() ?? '');
    bot = undefined;
    return code;
  }
  async function dm(workspace: FakeWorkspace, user: string, text: string) {
    const after = slack.posts.length;
    await slack.sendEvent(dmMessage({ text, user }), { teamId: workspace.teamId });
    return slack.waitForPost((p) => p.channel === dmChannelOf(user), { after, timeoutMs: 15_000 });
  }

  beforeAll(async () => {
    slack = await startFakeSlack({ oauth: { clientId: SECRETS.SLACK_CLIENT_ID, clientSecret: SECRETS.SLACK_CLIENT_SECRET } });
    dataDir = mkdtempSync(path.join(tmpdir(), 'supportbot-oauth-'));
    await start();
  }, 90_000);

  afterAll(async () => {
    await stop();
    await slack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is ready on the Slack port, with /healthz, /readyz and /metrics beside /slack/events', async () => {
    expect((await get(`${base}/healthz`)).status).toBe(200);
    const ready = await get(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(Object.keys((JSON.parse(ready.body) as { checks: object }).checks).sort()).toEqual(['model', 'slack', 'store']);
    expect((await get(`${base}/metrics`)).body).toContain('supportbot_turns_total');
  });

  it('installs two workspaces and answers each with its own token', async () => {
    expect((await installThroughOAuth(base, slack, ACME)).status).toBe(200);
    expect((await installThroughOAuth(base, slack, GLOBEX)).status).toBe(200);
    expect((await dm(ACME, 'UACMEUSR1', 'my card was declined')).token).toBe(ACME.botToken);
    expect((await dm(GLOBEX, 'UGLBXUSR1', 'how do I link my visa')).token).toBe(GLOBEX.botToken);
    const metrics = (await get(`${base}/metrics`)).body;
    expect(metrics).toMatch(/^supportbot_turns_total\{platform="slack",kind="text"\} 2$/m);
  }, 30_000);

  it('keeps the installations in DATA_DIR, readable by this user only, and answers both after a restart', async () => {
    expect(await stop()).toBe(0);
    const file = path.join(dataDir, 'supportbot.conversations', 'records', 'slack-installations.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await start();
    expect((await dm(ACME, 'UACMEUSR2', 'hello again')).token).toBe(ACME.botToken);
    expect((await dm(GLOBEX, 'UGLBXUSR2', 'hello again')).token).toBe(GLOBEX.botToken);
  }, 90_000);

  it('never logs a token or a secret, even at LOG_LEVEL=debug', async () => {
    await stop();
    const logs = stderr.join('');
    expect(logs).toContain('slack: app installed in a workspace');
    for (const secret of ['xoxb-', SECRETS.SLACK_CLIENT_SECRET, SECRETS.SLACK_STATE_SECRET, SECRETS.SLACK_SIGNING_SECRET]) expect(logs).not.toContain(secret);
  });
});
