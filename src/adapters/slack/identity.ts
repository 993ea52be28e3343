import { webApi, type AppOptions } from '@slack/bolt';
import { ConfigError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { createBoltLogger } from './bolt-logger.js';
import { errorText, slackErrorCode, SlackStartError } from './errors.js';
import { authTestSchema } from './payload-schemas.js';

export type SlackClientOptions = NonNullable<AppOptions['clientOptions']>;

/** Who the bot is in the workspace, from `auth.test`. */
export interface SlackIdentity {
  botUserId: string;
  botId?: string;
  teamId: string;
  /** e.g. https://acme.slack.com/, for links to threads in handoff summaries. */
  workspaceUrl?: string;
}

const REJECTED_TOKEN = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'account_inactive']);

/**
 * `auth.test`: checks the token and learns the bot's user id, so the app recognises its own
 * messages and mentions. A few quick retries only: a bad token or address should fail the start
 * now, with a message, not after Bolt's 30-minute retry policy.
 */
export async function whoAmI(token: string, clientOptions: SlackClientOptions, logger: Logger): Promise<SlackIdentity> {
  const client = new webApi.WebClient(token, {
    retryConfig: { retries: 2, factor: 1, minTimeout: 500, maxTimeout: 1000 },
    logger: createBoltLogger(logger),
    ...clientOptions,
  });
  let raw: unknown;
  try {
    raw = await client.auth.test();
  } catch (error) {
    const code = slackErrorCode(error);
    if (code && REJECTED_TOKEN.has(code)) {
      throw new ConfigError('SLACK_BOT_TOKEN', `Slack rejected the token (${code}); copy the Bot User OAuth Token again from the app's "OAuth & Permissions" page`);
    }
    throw new SlackStartError(`could not reach Slack (auth.test at ${clientOptions.slackApiUrl ?? 'https://slack.com/api/'}): ${errorText(error)}`, { cause: error });
  }
  const parsed = authTestSchema.safeParse(raw);
  if (!parsed.success) throw new SlackStartError('auth.test answered without user_id or team_id: is SLACK_BOT_TOKEN a bot token (xoxb-)?');
  const { user_id, team_id, bot_id, url } = parsed.data;
  return {
    botUserId: user_id,
    teamId: team_id,
    ...(bot_id ? { botId: bot_id } : {}),
    ...(url && URL.canParse(url) ? { workspaceUrl: url } : {}),
  };
}
