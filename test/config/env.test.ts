import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { envSchema, hasSlack, hasSlackOAuth, parseEnv, slackOverHttp } from '../../src/config/env.js';
import { ConfigError } from '../../src/core/errors.js';

describe('parsing the environment', () => {
  it('has every variable it reads described in .env.example', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const missing = Object.keys(envSchema.shape).filter((name) => !new RegExp(`^${name}=`, 'm').test(example));
    expect(missing).toEqual([]);
  });

  it('gives defaults when nothing is set', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './data', LOG_LEVEL: 'info', IDLE_TIMEOUT_MINUTES: 30, SLACK_SLASH_COMMAND: '/alipay-help' });
    expect(env.SLACK_BOT_TOKEN).toBeUndefined();
  });

  it('treats an empty value as unset, as in a copied .env.example', () => {
    expect(parseEnv({ SLACK_BOT_TOKEN: '', PORT: '' }).PORT).toBe(3000);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET'],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DISCORD_SUPPORT_CHANNELS: 'general' }, 'DISCORD_SUPPORT_CHANNELS'],
    [{ SLACK_API_URL: 'not a url' }, 'SLACK_API_URL'],
    [{ HEALTH_PORT: '70000' }, 'HEALTH_PORT'],
    [{ HANDOFF_CLAIM_TIMEOUT: 'soon' }, 'HANDOFF_CLAIM_TIMEOUT'],
    [{ HANDOFF_CLAIM_TIMEOUT: '0' }, 'HANDOFF_CLAIM_TIMEOUT'],
    [{ LIVE_AGENT: 'maybe' }, 'LIVE_AGENT'],
    [{ SUPPORT_HOURS: 'x'.repeat(201) }, 'SUPPORT_HOURS'],
    [{ SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 's', SLACK_SIGNING_SECRET: 's' }, 'SLACK_STATE_SECRET'],
    [{ SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 's', SLACK_STATE_SECRET: 'short', SLACK_SIGNING_SECRET: 's' }, 'SLACK_STATE_SECRET'],
    [{ SLACK_CLIENT_SECRET: 's', SLACK_STATE_SECRET: 'a-long-enough-state-secret', SLACK_SIGNING_SECRET: 's' }, 'SLACK_CLIENT_ID'],
    [{ SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 's', SLACK_STATE_SECRET: 'a-long-enough-state-secret' }, 'SLACK_SIGNING_SECRET'],
    [{ SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 's', SLACK_STATE_SECRET: 'a-long-enough-state-secret', SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 's', SLACK_STATE_SECRET: 'a-long-enough-state-secret', SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_APP_TOKEN'],
    [{ SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 's', SLACK_STATE_SECRET: 'a-long-enough-state-secret', SLACK_SIGNING_SECRET: 's', SLACK_HANDOFF_CHANNEL: 'C1' }, 'SLACK_HANDOFF_CHANNEL'],
  ])('names the variable when a value is malformed: %o', (source, variable) => {
    expect(() => parseEnv(source)).toThrow(ConfigError);
    expect(() => parseEnv(source)).toThrow(new RegExp(`^${variable}: `));
  });

  it('reads the live agent\'s settings: on by default, a claim timeout of 15 minutes, hours in the team\'s words', () => {
    expect(parseEnv({})).toMatchObject({ LIVE_AGENT: true, HANDOFF_CLAIM_TIMEOUT: 15 * 60_000 });
    expect(parseEnv({}).SUPPORT_HOURS).toBeUndefined();
    expect(parseEnv({ LIVE_AGENT: 'OFF' }).LIVE_AGENT).toBe(false);
    expect(parseEnv({ HANDOFF_CLAIM_TIMEOUT: '10' }).HANDOFF_CLAIM_TIMEOUT).toBe(10 * 60_000);
    expect(parseEnv({ HANDOFF_CLAIM_TIMEOUT: '90s' }).HANDOFF_CLAIM_TIMEOUT).toBe(90_000);
    expect(parseEnv({ HANDOFF_CLAIM_TIMEOUT: '2h' }).HANDOFF_CLAIM_TIMEOUT).toBe(2 * 3_600_000);
    expect(parseEnv({ HANDOFF_CLAIM_TIMEOUT: 'off' }).HANDOFF_CLAIM_TIMEOUT).toBeNull();
    expect(parseEnv({ SUPPORT_HOURS: ' Monday to Friday, 9:00-18:00 CET ' }).SUPPORT_HOURS).toBe('Monday to Friday, 9:00-18:00 CET');
  });

  it('accepts Socket Mode without a signing secret', () => {
    expect(parseEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).SLACK_APP_TOKEN).toBe('xapp-1');
  });

  it('turns on many Slack workspaces with the three OAuth variables and the signing secret', () => {
    const env = parseEnv({ SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 's', SLACK_STATE_SECRET: 'a-long-enough-state-secret', SLACK_SIGNING_SECRET: 's' });
    expect([hasSlack(env), hasSlackOAuth(env), slackOverHttp(env)]).toEqual([true, true, true]);
    expect(parseEnv({ HEALTH_PORT: '9464' }).HEALTH_PORT).toBe(9464);
    expect(parseEnv({}).HEALTH_PORT).toBeUndefined();
  });
});
