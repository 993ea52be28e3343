/**
 * What an operator sees when the bot cannot start: one line naming the service or the variable and
 * what to check, exit code 2, no stack trace (it comes at LOG_LEVEL=debug). The real process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeDiscord } from '../fakes/fake-discord.js';
import { startFakeSlack } from '../fakes/fake-slack.js';
import { SLACK_IDS } from '../fakes/slack-payloads.js';
import { freePort } from '../store/redis-helpers.js';
import { runCli, type CliRun } from '../support/spawn-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'supportbot-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const base = () => ({ HOST: '127.0.0.1', PORT: '0', HEALTH_PORT: '0', DATA_DIR: path.join(dir, `data-${n++}`), LOG_LEVEL: 'info' });

/** The CLI's own line: the last one, not a JSON log line. */
const lastLine = (run: CliRun) => run.stderr.trimEnd().split('\n').at(-1) ?? '';
const hasTrace = (run: CliRun) => /^\s+at /m.test(run.stderr);

describe.concurrent('serve stops at start with one clear line and exit code 2', () => {
  it('when Redis cannot be reached', async () => {
    const port = await freePort();
    const run = await runCli(['serve'], { env: { ...base(), DISCORD_TOKEN: 'x', REDIS_URL: `redis://user:secret@127.0.0.1:${port}/0` } });
    expect(run.code).toBe(2);
    expect(lastLine(run)).toMatch(new RegExp(`^supportbot: Redis: could not reach redis://127\\.0\\.0\\.1:${port}/0 \\(.*ECONNREFUSED.*\\): check REDIS_URL, that Redis is running`));
    expect(run.stderr).not.toContain('secret');
    expect(hasTrace(run)).toBe(false);
  }, 60_000);

  it('when Slack cannot be reached, and gives the trace at LOG_LEVEL=debug', async () => {
    const env = { ...base(), SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://127.0.0.1:9/api/' };
    const run = await runCli(['serve'], { env });
    expect(run.code).toBe(2);
    expect(lastLine(run)).toMatch(/^supportbot: Slack: could not reach http:\/\/127\.0\.0\.1:9\/api\/ \(auth\.test: .*\); check the network, any proxy, and SLACK_API_URL/);
    expect(hasTrace(run)).toBe(false);
    const debug = await runCli(['serve'], { env: { ...env, LOG_LEVEL: 'debug', DATA_DIR: path.join(dir, 'debug') } });
    expect(debug.code).toBe(2);
    expect(hasTrace(debug)).toBe(true);
  }, 60_000);

  it('when Discord cannot be reached', async () => {
    const run = await runCli(['serve'], { env: { ...base(), DISCORD_TOKEN: 'x', DISCORD_API_URL: 'http://127.0.0.1:9/api' } });
    expect(run.code).toBe(2);
    expect(lastLine(run)).toMatch(/^supportbot: Discord: could not reach http:\/\/127\.0\.0\.1:9\/api .*check the network, any proxy, and DISCORD_API_URL/);
    expect(hasTrace(run)).toBe(false);
  }, 60_000);

  it('when the bot is not in the Slack handoff channel', async () => {
    const slack = await startFakeSlack({ botToken: 'xoxb-check', botNotIn: [SLACK_IDS.staffChannel] });
    try {
      const run = await runCli(['serve'], { env: { ...base(), SLACK_BOT_TOKEN: 'xoxb-check', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: slack.apiUrl, SLACK_HANDOFF_CHANNEL: SLACK_IDS.staffChannel } });
      expect(run.code).toBe(2);
      expect(lastLine(run)).toBe(`supportbot: SLACK_HANDOFF_CHANNEL: the bot is not a member of #support-staff (${SLACK_IDS.staffChannel}): invite it there (/invite @the-bot), or handoff summaries cannot be posted`);
      expect(hasTrace(run)).toBe(false);
    } finally {
      await slack.stop();
    }
  }, 60_000);

  it('when the Discord support role does not exist', async () => {
    const discord = await startFakeDiscord({ token: 'check' });
    try {
      const run = await runCli(['serve'], {
        env: { ...base(), DISCORD_TOKEN: 'check', DISCORD_API_URL: discord.apiUrl, DISCORD_HANDOFF_CHANNEL: discord.ids.staff, DISCORD_SUPPORT_ROLE: '1299999999999999999' },
      });
      expect(run.code).toBe(2);
      expect(lastLine(run)).toMatch(/^supportbot: DISCORD_SUPPORT_ROLE: there is no role 1299999999999999999 in the server of the handoff channel \(Fake Alipay Support\)/);
      expect(hasTrace(run)).toBe(false);
    } finally {
      await discord.stop();
    }
  }, 60_000);
});
