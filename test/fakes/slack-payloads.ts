/**
 * The fake Slack's world and builders for what Slack sends an app: Events API envelopes
 * (messages, mentions), interactivity payloads (button clicks) and slash commands, plus the
 * request signing Slack does in HTTP mode.
 */
import { createHmac } from 'node:crypto';

export const SLACK_IDS = {
  team: 'T0FAKE001',
  app: 'A0FAKE001',
  botUser: 'UBOT00001',
  bot: 'BBOT00001',
  otherBotUser: 'UOTHERBOT',
  otherBot: 'BOTHER001',
  alice: 'UALICE001',
  bob: 'UBOB00001',
  staffer: 'USTAFF001',
  staffer2: 'USTAFF002', // a second member of the staff channel
  outsider: 'UOUTSIDE1', // a normal user, not in the staff channel
  support: 'CSUPPORT1', // a channel the bot is in
  staffChannel: 'CSTAFF001', // the handoff channel
} as const;

let tsCounter = 0;
/** A fresh Slack timestamp ("seconds.micros"), increasing within a run. */
export function nextTs(): string {
  tsCounter += 1;
  return `${1_700_000_000 + Math.floor(tsCounter / 1000)}.${String(tsCounter % 1_000_000).padStart(6, '0')}`;
}

let idCounter = 0;
export function nextId(prefix: string): string {
  idCounter += 1;
  return `${prefix}${Date.now().toString(36).toUpperCase()}${String(idCounter).padStart(5, '0')}`;
}

/** Slack's DM channel with a user. The fake answers conversations.open with the same id. */
export function dmChannelOf(user: string): string {
  return `D${user.slice(1)}`;
}

export type SlackEvent = Record<string, unknown>;

export interface MessageOptions {
  text: string;
  user?: string;
  channel?: string;
  ts?: string;
  threadTs?: string;
}

/** A person's direct message to the bot. */
export function dmMessage(o: MessageOptions): SlackEvent {
  const user = o.user ?? SLACK_IDS.alice;
  const ts = o.ts ?? nextTs();
  return {
    type: 'message',
    channel: o.channel ?? dmChannelOf(user),
    channel_type: 'im',
    user,
    text: o.text,
    ts,
    event_ts: ts,
    ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
    team: SLACK_IDS.team,
  };
}

/** A person's message in a channel (a thread reply when threadTs is set). */
export function channelMessage(o: MessageOptions): SlackEvent {
  const ts = o.ts ?? nextTs();
  return {
    type: 'message',
    channel: o.channel ?? SLACK_IDS.support,
    channel_type: 'channel',
    user: o.user ?? SLACK_IDS.alice,
    text: o.text,
    ts,
    event_ts: ts,
    ...(o.threadTs ? { thread_ts: o.threadTs, parent_user_id: o.user ?? SLACK_IDS.alice } : {}),
    team: SLACK_IDS.team,
  };
}

/** "@bot text" in a channel: Slack sends it as app_mention (and, to message.channels, as a message). */
export function appMention(o: MessageOptions & { botUserId?: string }): SlackEvent {
  const ts = o.ts ?? nextTs();
  return {
    type: 'app_mention',
    channel: o.channel ?? SLACK_IDS.support,
    user: o.user ?? SLACK_IDS.alice,
    text: `<@${o.botUserId ?? SLACK_IDS.botUser}> ${o.text}`,
    ts,
    event_ts: ts,
    ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
    team: SLACK_IDS.team,
  };
}

/** A message posted by a bot (another one, or the app itself when botUser/bot are its own). */
export function botMessage(o: MessageOptions & { botId?: string; channelType?: string }): SlackEvent {
  const ts = o.ts ?? nextTs();
  return {
    type: 'message',
    subtype: 'bot_message',
    channel: o.channel ?? dmChannelOf(SLACK_IDS.alice),
    channel_type: o.channelType ?? 'im',
    bot_id: o.botId ?? SLACK_IDS.otherBot,
    ...(o.user ? { user: o.user } : {}),
    text: o.text,
    ts,
    event_ts: ts,
    ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
  };
}

/** The Events API envelope around an event. */
export function eventEnvelope(event: SlackEvent, o: { eventId?: string; teamId?: string; botUserId?: string } = {}): Record<string, unknown> {
  const team = o.teamId ?? SLACK_IDS.team;
  return {
    token: 'legacy-verification-token',
    team_id: team,
    api_app_id: SLACK_IDS.app,
    event,
    type: 'event_callback',
    event_id: o.eventId ?? nextId('Ev'),
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: team, user_id: o.botUserId ?? SLACK_IDS.botUser, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: '4-fake',
  };
}

export interface SlashCommandOptions {
  command?: string;
  text?: string;
  user?: string;
  channel?: string;
  teamId?: string;
  responseUrl: string;
}

/** A slash command as Slack sends it (form fields in HTTP mode, an object in Socket Mode). */
export function slashCommand(o: SlashCommandOptions): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: o.teamId ?? SLACK_IDS.team,
    team_domain: 'fake',
    channel_id: o.channel ?? SLACK_IDS.support,
    channel_name: 'support',
    user_id: o.user ?? SLACK_IDS.alice,
    user_name: 'alice',
    command: o.command ?? '/alipay-help',
    text: o.text ?? '',
    api_app_id: SLACK_IDS.app,
    is_enterprise_install: 'false',
    response_url: o.responseUrl,
    trigger_id: nextId('trig.'),
  };
}

export function signature(signingSecret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export interface SignedPostOptions {
  /** Sign with another secret (the app must answer 401). */
  badSignature?: boolean;
  /** Seconds since the epoch; Bolt refuses requests older than 5 minutes. */
  timestamp?: number;
  /** Adds X-Slack-Retry-Num / X-Slack-Retry-Reason, as Slack does on a retry. */
  retryNum?: number;
}

/** POSTs a body exactly as Slack does: raw body, X-Slack-Signature, X-Slack-Request-Timestamp. */
export async function postSigned(
  url: string,
  signingSecret: string,
  rawBody: string,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
  o: SignedPostOptions = {},
): Promise<{ status: number; body: string }> {
  const ts = o.timestamp ?? Math.floor(Date.now() / 1000);
  const sig = signature(o.badSignature ? 'not-the-signing-secret' : signingSecret, ts, rawBody);
  const headers: Record<string, string> = { 'content-type': contentType, 'x-slack-signature': sig, 'x-slack-request-timestamp': String(ts) };
  if (o.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(o.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const res = await fetch(url, { method: 'POST', headers, body: rawBody });
  return { status: res.status, body: await res.text() };
}

/** Interactivity payloads arrive form-encoded as `payload=<json>`. */
export function formEncodePayload(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
