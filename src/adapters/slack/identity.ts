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

/** A Web API client for start-up calls: a few quick retries, not Bolt's 30-minute policy. */
export function startClient(token: string, clientOptions: SlackClientOptions, logger: Logger): webApi.WebClient {
  return new webApi.WebClient(token, { retryConfig: { retries: 2, factor: 1, minTimeout: 500, maxTimeout: 1000 }, logger: createBoltLogger(logger), ...clientOptions });
}

const REJECTED_TOKEN = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'account_inactive']);

/**
 * `auth.test`: checks the token and learns the bot's user id, so the app recognises its own
 * messages and mentions. A few quick retries only: a bad token or address should fail the start
 * now, with a message, not after Bolt's 30-minute retry policy.
 */
export async function whoAmI(token: string, clientOptions: SlackClientOptions, logger: Logger): Promise<SlackIdentity> {
  const client = startClient(token, clientOptions, logger);
  let raw: unknown;
  try {
    raw = await client.auth.test();
  } catch (error) {
    const code = slackErrorCode(error);
    if (code && REJECTED_TOKEN.has(code)) {
      throw new ConfigError('SLACK_BOT_TOKEN', `Slack rejected the token (${code}); copy the Bot User OAuth Token again from the app's "OAuth & Permissions" page`);
    }
    const where = clientOptions.slackApiUrl ?? 'https://slack.com/api/';
    throw new SlackStartError(`could not reach ${where} (auth.test: ${errorText(error)}); check the network, any proxy, and SLACK_API_URL if you set it`, { cause: error });
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

/**
 * The handoff channel must exist and have the bot in it, or every handoff would fail later with
 * `not_in_channel`: checked at start, failing with one line that names SLACK_HANDOFF_CHANNEL.
 * Without the channels:read / groups:read scopes Slack will not say: then it is only logged.
 */
export async function checkHandoffChannel(client: webApi.WebClient, channel: string, logger: Logger): Promise<void> {
  let info: { channel?: { name?: string; is_member?: boolean; is_im?: boolean } };
  try {
    info = (await client.conversations.info({ channel })) as typeof info;
  } catch (error) {
    const code = slackErrorCode(error);
    if (code === 'channel_not_found') {
      throw new ConfigError('SLACK_HANDOFF_CHANNEL', `Slack has no channel ${channel} the bot can see: use the channel id (C…, from the channel's details), and for a private channel invite the bot first (/invite @the-bot)`);
    }
    logger.warn({ channel, err: errorText(error) }, code === 'missing_scope' ? 'cannot check SLACK_HANDOFF_CHANNEL: add the channels:read and groups:read scopes (see slack-app-manifest.yaml) and reinstall' : 'could not check SLACK_HANDOFF_CHANNEL');
    return;
  }
  const found = info.channel;
  if (found && !found.is_im && found.is_member === false) {
    throw new ConfigError('SLACK_HANDOFF_CHANNEL', `the bot is not a member of #${found.name ?? channel} (${channel}): invite it there (/invite @the-bot), or handoff summaries cannot be posted`);
  }
}
