/**
 * Exit codes and the one-line messages, from a real process (the built CLI): 0 when done, 1 when
 * the bot failed or a transcript failed, 2 for an operator's mistake, named in one line.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeSlack } from '../fakes/fake-slack.js';
import { runCli } from '../support/spawn-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'supportbot-exit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TRANSCRIPT = `name: a greeting
turns:
  - user: hello
    expect: { flow: null }
`;

describe('the supportbot command exits', () => {
  it('0 when chat --json reaches the end of its input, with one line per input line', async () => {
    const run = await runCli(['chat', '--json', '--store', 'memory'], { input: '{"user":"u1","text":"hello"}\nnot json\n', env: { LOG_LEVEL: 'silent' } });
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ user: 'u1' });
    expect(lines[1]).toMatchObject({ error: expect.stringContaining('not valid JSON') });
    expect(run.stderr).toBe('');
  });

  it('2 with one line naming the variable for a malformed setting', async () => {
    const run = await runCli(['start'], { env: { PORT: 'abc' } });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('supportbot: PORT: must be a port number (0-65535)');
  });

  it('2 for an unknown option or command', async () => {
    const option = await runCli(['chat', '--bogus']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--bogus'");
    const command = await runCli(['nosuch']);
    expect(command.code).toBe(2);
  });

  it('2 naming file and field for a broken intents file', async () => {
    const bad = path.join(dir, 'intents');
    mkdirSync(bad);
    writeFileSync(path.join(bad, 'limits.yaml'), 'intent: limits\ndescription: L.\nexamples: [ok, 3]\n');
    const run = await runCli(['intents', '--dir', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^supportbot: .*limits\.yaml: examples\[1\]: must be a non-empty string\n$/);
  });

  it('0 for transcripts that pass and 1 for one that fails', async () => {
    writeFileSync(path.join(dir, 'pass.yaml'), TRANSCRIPT);
    writeFileSync(path.join(dir, 'fail.yaml'), TRANSCRIPT.replace('flow: null', 'flow: link_card'));
    const pass = await runCli(['replay', path.join(dir, 'pass.yaml')], { env: { NO_COLOR: '1' } });
    expect(pass.code).toBe(0);
    expect(pass.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 0 failed');
    const fail = await runCli(['replay', path.join(dir, 'fail.yaml')], { env: { NO_COLOR: '1' } });
    expect(fail.code).toBe(1);
    expect(fail.stdout.trimEnd().split('\n').at(-1)).toBe('0 passed, 1 failed');
  });

  it('2 naming SLACK_BOT_TOKEN when Slack rejects the token at start', async () => {
    const slack = await startFakeSlack({ botToken: 'xoxb-the-right-one' });
    try {
      const run = await runCli(['serve'], {
        env: { SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: slack.apiUrl, HOST: '127.0.0.1', PORT: '0', DATA_DIR: path.join(dir, 'data') },
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('SLACK_BOT_TOKEN: Slack rejected the token (invalid_auth)');
    } finally {
      await slack.stop();
    }
  });
});
