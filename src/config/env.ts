import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError, formatIssuePath } from '../core/errors.js';

const optionalString = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string())
  .optional()
  .transform((s) => (s === '' ? undefined : s));

const url = (protocols: string[]) =>
  optionalString.refine((s) => s === undefined || (URL.canParse(s) && protocols.includes(new URL(s).protocol)), {
    message: `must be a URL starting with ${protocols.join(' or ')}`,
  });

const prefixed = (prefix: string) =>
  optionalString.refine((s) => s === undefined || s.startsWith(prefix), { message: `must start with "${prefix}"` });

/** "15m", "90s", "2h", "500ms" or a bare number of minutes, in milliseconds; undefined when it is none of these (or 0). */
export function durationMs(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(text.trim().toLowerCase());
  if (!m) return undefined;
  const n = Number(m[1]);
  const ms = n * (m[2] === 'h' ? 3_600_000 : m[2] === 's' ? 1000 : m[2] === 'ms' ? 1 : 60_000);
  return ms >= 1 && Number.isFinite(ms) ? Math.round(ms) : undefined;
}

/**
 * Every environment variable the bot reads (also documented in .env.example).
 * Names are a contract (docs/operations.md): add, never rename.
 */
export const envSchema = z.object({
  SLACK_BOT_TOKEN: prefixed('xoxb-'),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: prefixed('xapp-'),
  SLACK_API_URL: url(['http:', 'https:']),
  SLACK_HANDOFF_CHANNEL: optionalString,
  PORT: optionalString
    .refine((s) => s === undefined || (/^\d+$/.test(s) && Number(s) < 65536), { message: 'must be a port number (0-65535)' })
    .transform((s) => (s === undefined ? 3000 : Number(s))),
  /** Interface the HTTP server listens on (Slack HTTP mode), e.g. 127.0.0.1 behind a proxy; default all. */
  HOST: optionalString,
  /**
   * Port of /healthz, /readyz and /metrics in every mode. Unset: they share PORT (with Slack in
   * HTTP mode, the server that takes /slack/events; otherwise a listener of their own on PORT).
   */
  HEALTH_PORT: optionalString
    .refine((s) => s === undefined || (/^\d+$/.test(s) && Number(s) < 65536), { message: 'must be a port number (0-65535)' })
    .transform((s) => (s === undefined ? undefined : Number(s))),
  /** Many workspaces: Slack's OAuth install at /slack/install (HTTP mode), with the next two. */
  SLACK_CLIENT_ID: optionalString,
  SLACK_CLIENT_SECRET: optionalString,
  /** Signs the OAuth state parameter (any long random string). */
  SLACK_STATE_SECRET: optionalString.refine((s) => s === undefined || s.length >= 16, { message: 'must be at least 16 characters (a long random string)' }),
  DISCORD_TOKEN: optionalString,
  DISCORD_API_URL: url(['http:', 'https:']),
  DISCORD_HANDOFF_CHANNEL: optionalString.refine((s) => s === undefined || /^\d+$/.test(s), {
    message: 'must be a channel id (digits)',
  }),
  SLACK_SLASH_COMMAND: optionalString
    .refine((s) => s === undefined || /^\/[a-z0-9_-]+$/.test(s), { message: 'must look like /alipay-help' })
    .transform((s) => s ?? '/alipay-help'),
  DISCORD_SUPPORT_CHANNELS: optionalString
    .refine((s) => s === undefined || /^\d+(\s*,\s*\d+)*$/.test(s), { message: 'must be channel ids separated by commas' })
    .transform((s) => (s === undefined ? [] : s.split(',').map((id) => id.trim()))),
  DISCORD_SUPPORT_ROLE: optionalString.refine((s) => s === undefined || /^\d+$/.test(s), { message: 'must be a role id (digits)' }),
  DISCORD_APPLICATION_ID: optionalString.refine((s) => s === undefined || /^\d+$/.test(s), { message: 'must be an application id (digits)' }),
  DISCORD_GUILD_ID: optionalString.refine((s) => s === undefined || /^\d+$/.test(s), { message: 'must be a guild id (digits)' }),
  RECORD_DIR: optionalString,
  /**
   * Live agent (docs/live-agent.md): staff answer the person from a thread on the handoff summary.
   * `off` keeps the summary with only "Hand back to the bot".
   */
  LIVE_AGENT: optionalString
    .refine((s) => s === undefined || ['on', 'off'].includes(s.toLowerCase()), { message: 'must be on or off' })
    .transform((s) => (s ?? 'on').toLowerCase() === 'on'),
  /** Nobody claimed a handoff within this: the person is told and offered other ways (`off`: wait for ever). */
  HANDOFF_CLAIM_TIMEOUT: optionalString
    .refine((s) => s === undefined || s.toLowerCase() === 'off' || durationMs(s) !== undefined, {
      message: 'must be a duration such as 15m, 90s or 1h (a bare number is minutes), or off',
    })
    .transform((s) => (s === undefined ? 15 * 60_000 : s.toLowerCase() === 'off' ? null : (durationMs(s) ?? null))),
  /** When the support team works, in your words (e.g. "Monday to Friday, 9:00-18:00 CET"): told to a person nobody could take. */
  SUPPORT_HOURS: optionalString.refine((s) => s === undefined || s.length <= 200, { message: 'must be at most 200 characters' }),
  IDLE_TIMEOUT_MINUTES: optionalString
    .refine((s) => s === undefined || (/^\d+$/.test(s) && Number(s) > 0), { message: 'must be a whole number of minutes above 0' })
    .transform((s) => (s === undefined ? 30 : Number(s))),
  RATE_LIMIT_PER_MINUTE: optionalString
    .refine((s) => s === undefined || (/^\d+$/.test(s) && Number(s) > 0), { message: 'must be a whole number above 0' })
    .transform((s) => (s === undefined ? 20 : Number(s))),
  DATA_DIR: optionalString.transform((s) => s ?? './data'),
  REDIS_URL: url(['redis:', 'rediss:']),
  REDIS_KEY_PREFIX: optionalString
    .refine((s) => s === undefined || /^[\w.:-]{1,64}$/.test(s), { message: 'must be 1-64 letters, digits, ".", ":", "_" or "-"' })
    .transform((s) => s ?? 'supportbot:'),
  REDIS_IDLE_TTL_DAYS: optionalString
    .refine((s) => s === undefined || (/^\d+(\.\d+)?$/.test(s) && Number(s) > 0), { message: 'must be a number of days above 0, e.g. 7 or 0.5' })
    .transform((s) => (s === undefined ? 7 : Number(s))),
  /** Days insights (outcomes, feedback, misunderstood messages) are kept; 0 records none. */
  INSIGHTS_RETENTION_DAYS: optionalString
    .refine((s) => s === undefined || /^\d+$/.test(s), { message: 'must be a whole number of days (0 records no insights)' })
    .transform((s) => (s === undefined ? 90 : Number(s))),
  /** Set: `serve` shows the insights report at /insights to requests that carry it (bearer token or basic auth password). */
  INSIGHTS_TOKEN: optionalString.refine((s) => s === undefined || s.length >= 16, { message: 'must be at least 16 characters (it guards the report)' }),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be one of fatal, error, warn, info, debug, trace, silent' })
    .optional()
    .transform((s) => s ?? 'info'),
});
export type Env = z.output<typeof envSchema>;

/** Parses the environment; a missing or malformed value throws a ConfigError naming the variable. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(issue ? formatIssuePath(issue.path) : 'environment', issue?.message ?? 'invalid');
  }
  const env = result.data;
  if (OAUTH_VARIABLES.some((name) => env[name] !== undefined)) {
    checkOAuth(env);
    return env;
  }
  if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    throw new ConfigError('SLACK_SIGNING_SECRET', 'is required with SLACK_BOT_TOKEN in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if ((env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET) && !env.SLACK_BOT_TOKEN) {
    throw new ConfigError('SLACK_BOT_TOKEN', 'is required when SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set (or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install in many workspaces)');
  }
  return env;
}

const OAUTH_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/** Many workspaces: all three OAuth variables, HTTP mode, and no single workspace's token. */
function checkOAuth(env: Env): void {
  for (const name of OAUTH_VARIABLES) {
    if (env[name] === undefined) throw new ConfigError(name, `is required with ${OAUTH_VARIABLES.filter((n) => n !== name).join(' and ')} (installing in many workspaces through OAuth)`);
  }
  if (env.SLACK_BOT_TOKEN) {
    throw new ConfigError('SLACK_BOT_TOKEN', 'must be unset when SLACK_CLIENT_ID is set: each workspace gets its own token when it installs the app at /slack/install');
  }
  if (env.SLACK_APP_TOKEN) {
    throw new ConfigError('SLACK_APP_TOKEN', 'must be unset when SLACK_CLIENT_ID is set: many workspaces run in HTTP mode (set SLACK_SIGNING_SECRET)');
  }
  if (!env.SLACK_SIGNING_SECRET) throw new ConfigError('SLACK_SIGNING_SECRET', 'is required with SLACK_CLIENT_ID: Slack sends every workspace\'s events to POST /slack/events');
  if (env.SLACK_HANDOFF_CHANNEL) {
    throw new ConfigError('SLACK_HANDOFF_CHANNEL', 'must be unset when SLACK_CLIENT_ID is set: each workspace picks its handoff channel on Slack\'s screen when it installs the app');
  }
}

/**
 * DATA_DIR must be a folder this process can write (the lowdb store lives there): created when
 * missing, then proven by writing and removing a small file. A read-only or unusable DATA_DIR stops
 * the start with one line naming the variable; the system error is kept as the cause, for the stack
 * trace the CLI prints at LOG_LEVEL=debug.
 */
export function checkDataDir(dir: string): void {
  const probe = path.join(dir, `.supportbot-write-test-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const why = code === 'EROFS' ? 'is on a read-only file system' : code === 'EACCES' || code === 'EPERM' ? 'is not writable by this process' : `cannot be used (${code})`;
    const problem = new ConfigError('DATA_DIR', `${path.resolve(dir)} ${why}: set DATA_DIR to a folder the bot can write, or set REDIS_URL to keep conversations in Redis`);
    problem.cause = error;
    throw problem;
  }
}

export function hasSlack(env: Env): boolean {
  return env.SLACK_BOT_TOKEN !== undefined || hasSlackOAuth(env);
}
/** Many workspaces: each installs the app through Slack's OAuth flow. */
export function hasSlackOAuth(env: Env): boolean {
  return env.SLACK_CLIENT_ID !== undefined;
}
/** Slack events arrive over HTTP (on PORT), not Socket Mode. */
export function slackOverHttp(env: Env): boolean {
  return hasSlack(env) && env.SLACK_APP_TOKEN === undefined;
}
export function hasDiscord(env: Env): boolean {
  return env.DISCORD_TOKEN !== undefined;
}
