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

/**
 * Every environment variable the bot reads (also documented in .env.example).
 * Names are a contract (DESIGN.md): add, never rename.
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
  DISCORD_TOKEN: optionalString,
  DISCORD_API_URL: url(['http:', 'https:']),
  DISCORD_HANDOFF_CHANNEL: optionalString.refine((s) => s === undefined || /^\d+$/.test(s), {
    message: 'must be a channel id (digits)',
  }),
  DATA_DIR: optionalString.transform((s) => s ?? './data'),
  REDIS_URL: url(['redis:', 'rediss:']),
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
  if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    throw new ConfigError('SLACK_SIGNING_SECRET', 'is required with SLACK_BOT_TOKEN in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if ((env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET) && !env.SLACK_BOT_TOKEN) {
    throw new ConfigError('SLACK_BOT_TOKEN', 'is required when SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set');
  }
  return env;
}

export function hasSlack(env: Env): boolean {
  return env.SLACK_BOT_TOKEN !== undefined;
}
export function hasDiscord(env: Env): boolean {
  return env.DISCORD_TOKEN !== undefined;
}
