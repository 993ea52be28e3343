/**
 * A fake Slack on 127.0.0.1 for driving the real Bolt app: the Web API (POST /api/<method>),
 * a response_url sink (POST /response/<id>) and, in Socket Mode, the WebSocket Slack pushes
 * envelopes over. It records every call, and it sends events, clicks and slash commands to the
 * app either as signed HTTP requests (HTTP mode) or as Socket Mode envelopes.
 *
 *   const slack = await startFakeSlack();                 // or { socketMode: true }
 *   slack.deliverTo({ url: 'http://127.0.0.1:PORT/slack/events', signingSecret });  // HTTP mode
 *   await slack.sendEvent(dmMessage({ text: 'hi' }));
 *   const post = await slack.waitForPost((p) => p.channel === dmChannelOf(SLACK_IDS.alice));
 *   await slack.click(post, 'My card was declined');
 *   await slack.stop();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter, once } from 'node:events';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  SLACK_IDS,
  dmChannelOf,
  eventEnvelope,
  formEncodePayload,
  nextId,
  nextTs,
  postSigned,
  slashCommand,
  type SignedPostOptions,
  type SlackEvent,
  type SlashCommandOptions,
} from './slack-payloads.js';
import { createFakeOAuth, type FakeOAuth, type FakeOAuthOptions, type FakeWorkspace } from './fake-slack-oauth.js';

export type { FakeWorkspace } from './fake-slack-oauth.js';

export interface RecordedCall {
  /** Web API method (chat.postMessage …) or "response_url". */
  method: string;
  path: string;
  authorization?: string;
  contentType?: string;
  /** The decoded form or JSON body; JSON-string fields (blocks …) parsed. */
  args: Record<string, unknown>;
}

export interface SlackBlockRecord {
  type: string;
  block_id?: string;
  elements?: Array<Record<string, unknown>>;
  text?: { type: string; text: string };
  fields?: Array<{ type: string; text: string }>;
  [key: string]: unknown;
}

/** A message the app posted (and its current state after chat.update). */
export interface PostedMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  text: string;
  blocks: SlackBlockRecord[];
  /** Button labels and values of the message's actions blocks, in order. */
  buttons: Array<{ label: string; value: string; actionId: string; blockId?: string }>;
  /** The bot token it was posted with, and that token's workspace. */
  token?: string;
  teamId?: string;
}

export interface MessageUpdate {
  channel: string;
  ts: string;
  text: string;
  blocks: SlackBlockRecord[];
}

/** A note the app showed to one person only (chat.postEphemeral). */
export interface EphemeralNote {
  channel: string;
  user: string;
  text: string;
  threadTs?: string;
}

/** A modal the app opened (views.open). */
export interface OpenedView {
  id: string;
  triggerId: string;
  view: Record<string, unknown>;
}

export interface SocketFrame {
  envelope_id?: string;
  payload?: unknown;
  [key: string]: unknown;
}

/** What the app answered: the HTTP status and body, or (Socket Mode) its ack frame. */
export interface Delivery {
  status: number;
  body: string;
  ack?: SocketFrame;
}

export interface SendOptions extends SignedPostOptions {
  eventId?: string;
  /** The workspace the event comes from (default the fake's own team). */
  teamId?: string;
  /** Slack's retry counter (HTTP header or the envelope's retry_attempt). */
  retryNum?: number;
}

export interface FakeSlackOptions {
  socketMode?: boolean;
  teamId?: string;
  botUserId?: string;
  botId?: string;
  /** When set, Web API calls with another bearer token get `invalid_auth`. */
  botToken?: string;
  /** When set, apps.connections.open with another app-level token gets `invalid_auth`. */
  appToken?: string;
  /** Turns on the OAuth install flow (authorize page and oauth.v2.access). */
  oauth?: FakeOAuthOptions;
  /** Channels the bot is not a member of (conversations.info says is_member: false). */
  botNotIn?: string[];
  /** Channel members for conversations.members (default: the staff channel holds both staffers and the bot). */
  channelMembers?: Record<string, string[]>;
  /** Display names for users.info (default: Alice, Bob, Sam, Kim, Olly). */
  userNames?: Record<string, string>;
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Only items recorded at or after this index (e.g. `posts.length` before sending). */
  after?: number;
}

export interface FakeSlack {
  readonly apiUrl: string;
  readonly port: number;
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly calls: RecordedCall[];
  readonly posts: PostedMessage[];
  readonly updates: MessageUpdate[];
  /** Notes shown to one person only (chat.postEphemeral). */
  readonly ephemerals: EphemeralNote[];
  /** Modals opened with views.open. */
  readonly views: OpenedView[];
  /** Bodies POSTed to response_url (ephemeral slash command answers). */
  readonly responses: RecordedCall[];
  /** Frames the app sent over the Socket Mode WebSocket (acks). */
  readonly socketFrames: SocketFrame[];
  responseUrl(id?: string): string;
  /** HTTP mode: where events go, and the secret to sign them with. */
  deliverTo(target: { url: string; signingSecret: string }): void;
  /** Sends an event (wrapped in an Events API envelope unless it is one already). */
  sendEvent(event: SlackEvent, options?: SendOptions): Promise<Delivery>;
  /** Sends an interactivity payload (e.g. block_actions). */
  sendAction(payload: Record<string, unknown>, options?: SendOptions): Promise<Delivery>;
  /** Clicks the button of `post` whose label (or value) matches, as `user`. */
  click(post: PostedMessage, button: string | ((b: PostedMessage['buttons'][number]) => boolean), options?: SendOptions & { user?: string }): Promise<Delivery>;
  sendCommand(command: Omit<SlashCommandOptions, 'responseUrl'>, options?: SendOptions): Promise<Delivery>;
  /** Resolves with the first post (counting ones already made, from `after`) that matches. */
  waitForPost(predicate?: (post: PostedMessage) => boolean, options?: WaitOptions): Promise<PostedMessage>;
  waitForUpdate(predicate?: (update: MessageUpdate) => boolean, options?: WaitOptions): Promise<MessageUpdate>;
  waitForEphemeral(predicate?: (note: EphemeralNote) => boolean, options?: WaitOptions): Promise<EphemeralNote>;
  waitForView(predicate?: (view: OpenedView) => boolean, options?: WaitOptions): Promise<OpenedView>;
  /** Submits a modal the app opened (view_submission), with text input values by block id and action id. */
  submitView(view: OpenedView, values: Record<string, Record<string, string>>, options?: SendOptions & { user?: string }): Promise<Delivery>;
  waitForCall(method: string, predicate?: (call: RecordedCall) => boolean, options?: WaitOptions): Promise<RecordedCall>;
  /** Socket Mode: resolves once an app is connected. */
  waitForConnection(options?: WaitOptions): Promise<void>;
  /** Socket Mode: sends any frame, e.g. `{ type: 'disconnect', reason: 'refresh_requested' }`. */
  sendRaw(frame: unknown): void;
  /** The next call of `method` fails with `{ ok: false, error }`. */
  failNext(method: string, error: string): void;
  /** Everything the app sent to Slack, as one string (to search for things that must never appear). */
  everythingSent(): string;
  /** With `oauth`: the install flow's state (who installs next, who installed). */
  readonly oauth: FakeOAuth | undefined;
  /** Adds a workspace whose bot token the Web API accepts (done by an OAuth install too). */
  addWorkspace(workspace: FakeWorkspace): void;
  stop(): Promise<void>;
}

const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata']);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function decodeArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = v;
    if (JSON_FIELDS.has(k)) {
      try {
        out[k] = JSON.parse(v);
      } catch {
        // keep the string
      }
    }
  }
  return out;
}

export function buttonsOf(blocks: SlackBlockRecord[]): PostedMessage['buttons'] {
  const out: PostedMessage['buttons'] = [];
  for (const block of blocks) {
    if (block.type !== 'actions') continue;
    for (const el of block.elements ?? []) {
      if (el.type !== 'button') continue;
      const label = (el.text as { text?: string } | undefined)?.text ?? '';
      out.push({ label, value: String(el.value ?? ''), actionId: String(el.action_id ?? ''), ...(block.block_id ? { blockId: block.block_id } : {}) });
    }
  }
  return out;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const teamId = options.teamId ?? SLACK_IDS.team;
  const botUserId = options.botUserId ?? SLACK_IDS.botUser;
  const botId = options.botId ?? SLACK_IDS.bot;
  const events = new EventEmitter();
  events.setMaxListeners(100);
  const calls: RecordedCall[] = [];
  const posts: PostedMessage[] = [];
  const updates: MessageUpdate[] = [];
  const ephemerals: EphemeralNote[] = [];
  const views: OpenedView[] = [];
  const channelMembers: Record<string, string[]> = options.channelMembers ?? { [SLACK_IDS.staffChannel]: [SLACK_IDS.staffer, SLACK_IDS.staffer2, botUserId] };
  const userNames: Record<string, string> = options.userNames ?? {
    [SLACK_IDS.alice]: 'Alice',
    [SLACK_IDS.bob]: 'Bob',
    [SLACK_IDS.staffer]: 'Sam',
    [SLACK_IDS.staffer2]: 'Kim',
    [SLACK_IDS.outsider]: 'Olly',
  };
  const responses: RecordedCall[] = [];
  const socketFrames: SocketFrame[] = [];
  const sockets = new Set<WebSocket>();
  const failures = new Map<string, string>();
  let httpTarget: { url: string; signingSecret: string } | undefined;
  const oauth = options.oauth ? createFakeOAuth(options.oauth) : undefined;
  /** Bot tokens the Web API accepts, and their workspaces (with `botToken`, the fake's own team). */
  const workspaces = new Map<string, FakeWorkspace>();
  if (options.botToken) workspaces.set(options.botToken, { teamId, teamName: 'Fake', botToken: options.botToken, botUserId, botId });
  const workspaceOf = (authorization: string | undefined) => (authorization?.startsWith('Bearer ') ? workspaces.get(authorization.slice(7)) : undefined);
  const CHANNELS: Record<string, string> = { [SLACK_IDS.support]: 'support', [SLACK_IDS.staffChannel]: 'support-staff' };

  const server = createServer((req, res) => void handle(req, res));
  let wss: WebSocketServer | undefined;
  if (options.socketMode) {
    wss = new WebSocketServer({ server, path: '/link' });
    wss.on('connection', (ws) => {
      sockets.add(ws);
      ws.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as SocketFrame;
        socketFrames.push(frame);
        events.emit('socket_frame', frame);
      });
      ws.on('close', () => sockets.delete(ws));
      // Slack says hello right after the upgrade; the client's start() resolves on it.
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-slack' }, connection_info: { app_id: SLACK_IDS.app } }));
      events.emit('socket_connected');
    });
  }
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;

  function record(call: RecordedCall): void {
    calls.push(call);
    events.emit('call', call);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const raw = await readBody(req);
    const contentType = req.headers['content-type'];
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    const call: RecordedCall = {
      method: '',
      path: url.pathname,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      ...(contentType ? { contentType } : {}),
      args: decodeArgs(raw, contentType),
    };
    if (req.method === 'POST' && url.pathname.startsWith('/response/')) {
      call.method = 'response_url';
      responses.push(call);
      record(call);
      return send(200, { ok: true });
    }
    if (req.method === 'GET' && url.pathname === '/oauth/v2/authorize' && oauth) {
      call.method = 'oauth.authorize';
      record(call);
      const answer = oauth.authorize(url);
      if (answer.location) {
        res.writeHead(302, { location: answer.location });
        return void res.end();
      }
      return send(answer.status, { ok: false, error: answer.error });
    }
    if (req.method !== 'POST' || !url.pathname.startsWith('/api/')) return send(404, { ok: false, error: 'unknown_path' });
    call.method = url.pathname.slice('/api/'.length);
    const { args } = call;
    const failure = failures.get(call.method);
    if (failure) {
      failures.delete(call.method);
      record(call);
      return send(200, { ok: false, error: failure });
    }
    if (call.method === 'oauth.v2.access' && oauth) {
      record(call);
      const answer = oauth.access(args, call.authorization);
      const installed = oauth.installed.at(-1);
      if (answer.ok && installed) workspaces.set(installed.botToken, installed);
      return send(200, answer);
    }
    const isAppToken = call.method === 'apps.connections.open';
    const workspace = workspaceOf(call.authorization);
    if ((options.botToken || oauth) && !isAppToken && !workspace) {
      record(call);
      return send(200, { ok: false, error: 'invalid_auth' });
    }
    switch (call.method) {
      case 'auth.test': {
        record(call);
        const w = workspace ?? { teamId, teamName: 'Fake', botUserId, botId };
        return send(200, { ok: true, url: `https://${w.teamName.toLowerCase().replace(/\W+/g, '-')}.slack.test/`, team: w.teamName, user: 'supportbot', team_id: w.teamId, user_id: w.botUserId, bot_id: w.botId, is_enterprise_install: false });
      }
      case 'conversations.info': {
        record(call);
        const id = String(args.channel ?? '');
        if (id.startsWith('D')) return send(200, { ok: true, channel: { id, is_im: true, user: `U${id.slice(1)}` } });
        const name = CHANNELS[id];
        if (!name) return send(200, { ok: false, error: 'channel_not_found' });
        return send(200, { ok: true, channel: { id, name, is_channel: true, is_im: false, is_member: !(options.botNotIn ?? []).includes(id) } });
      }
      case 'chat.postMessage': {
        const ts = nextTs();
        const blocks = (Array.isArray(args.blocks) ? args.blocks : []) as SlackBlockRecord[];
        const threadTs = typeof args.thread_ts === 'string' && args.thread_ts !== '' ? args.thread_ts : undefined;
        const post: PostedMessage = {
          channel: String(args.channel),
          ts,
          ...(threadTs ? { threadTs } : {}),
          text: String(args.text ?? ''),
          blocks,
          buttons: buttonsOf(blocks),
          ...(call.authorization ? { token: call.authorization.replace(/^Bearer /, '') } : {}),
          ...(workspace ? { teamId: workspace.teamId } : {}),
        };
        posts.push(post);
        record(call);
        events.emit('post', post);
        return send(200, { ok: true, channel: args.channel, ts, message: { type: 'message', user: botUserId, bot_id: botId, text: args.text, ts, thread_ts: threadTs } });
      }
      case 'chat.update': {
        const blocks = (Array.isArray(args.blocks) ? args.blocks : []) as SlackBlockRecord[];
        const change: MessageUpdate = { channel: String(args.channel), ts: String(args.ts), text: String(args.text ?? ''), blocks };
        const post = posts.find((p) => p.channel === change.channel && p.ts === change.ts);
        if (post) {
          post.text = change.text;
          post.blocks = blocks;
          post.buttons = buttonsOf(blocks);
        }
        updates.push(change);
        record(call);
        events.emit('update', change);
        return send(200, { ok: true, channel: args.channel, ts: args.ts, text: args.text });
      }
      case 'chat.postEphemeral': {
        const threadTs = typeof args.thread_ts === 'string' && args.thread_ts !== '' ? args.thread_ts : undefined;
        ephemerals.push({ channel: String(args.channel), user: String(args.user), text: String(args.text ?? ''), ...(threadTs ? { threadTs } : {}) });
        record(call);
        return send(200, { ok: true, message_ts: nextTs() });
      }
      case 'conversations.members': {
        // Paged like Slack: `limit` per page, the next offset as the cursor.
        record(call);
        const members = channelMembers[String(args.channel)];
        if (!members) return send(200, { ok: false, error: 'channel_not_found' });
        const from = Number(args.cursor ?? 0) || 0;
        const limit = Math.max(1, Number(args.limit ?? 100) || 100);
        const next = from + limit < members.length ? String(from + limit) : '';
        return send(200, { ok: true, members: members.slice(from, from + limit), response_metadata: { next_cursor: next } });
      }
      case 'users.info': {
        record(call);
        const id = String(args.user ?? '');
        const name = userNames[id];
        if (!name) return send(200, { ok: false, error: 'user_not_found' });
        return send(200, { ok: true, user: { id, name: name.toLowerCase(), real_name: `${name} Example`, profile: { display_name: name, real_name: `${name} Example` } } });
      }
      case 'views.open': {
        const view = (typeof args.view === 'string' ? JSON.parse(args.view) : args.view) as Record<string, unknown>;
        const opened: OpenedView = { id: nextId('V'), triggerId: String(args.trigger_id ?? ''), view };
        views.push(opened);
        record(call);
        return send(200, { ok: true, view: { id: opened.id, ...view } });
      }
      case 'conversations.open': {
        record(call);
        const user = String(args.users ?? '').split(',')[0] ?? '';
        if (!user) return send(200, { ok: false, error: 'user_not_found' });
        return send(200, { ok: true, channel: { id: dmChannelOf(user) } });
      }
      case 'apps.connections.open':
        record(call);
        if (options.appToken && call.authorization !== `Bearer ${options.appToken}`) return send(200, { ok: false, error: 'invalid_auth' });
        if (!wss) return send(200, { ok: false, error: 'socket_mode_not_enabled_in_fake' });
        return send(200, { ok: true, url: `ws://127.0.0.1:${port}/link?ticket=fake-ticket&app_id=${SLACK_IDS.app}` });
      default:
        record(call);
        return send(200, { ok: true });
    }
  }

  function waitFor<T>(kind: string, list: () => T[], predicate: (item: T) => boolean, o: WaitOptions, describe = () => ''): Promise<T> {
    const timeoutMs = o.timeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = list().slice(o.after ?? 0).find(predicate);
        if (found !== undefined) {
          cleanup();
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake Slack: no matching ${kind} within ${timeoutMs} ms. ${describe()}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        events.off('call', check);
      };
      events.on('call', check);
      check();
    });
  }

  async function pushEnvelope(type: 'events_api' | 'interactive' | 'slash_commands', payload: unknown, retryNum = 0): Promise<Delivery> {
    if (sockets.size === 0) throw new Error('fake Slack: no Socket Mode connection');
    const envelopeId = nextId('env-');
    const acked = new Promise<SocketFrame>((resolve, reject) => {
      const timer = setTimeout(() => {
        events.off('socket_frame', onFrame);
        reject(new Error(`fake Slack: envelope ${envelopeId} was not acknowledged within 3000 ms`));
      }, 3000);
      const onFrame = (frame: SocketFrame) => {
        if (frame.envelope_id !== envelopeId) return;
        clearTimeout(timer);
        events.off('socket_frame', onFrame);
        resolve(frame);
      };
      events.on('socket_frame', onFrame);
    });
    const frame = {
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: type !== 'events_api',
      retry_attempt: retryNum,
      retry_reason: retryNum > 0 ? 'timeout' : '',
    };
    for (const ws of sockets) ws.send(JSON.stringify(frame));
    const ack = await acked;
    return { status: 200, body: JSON.stringify(ack.payload ?? {}), ack };
  }

  function requireTarget(): { url: string; signingSecret: string } {
    if (!httpTarget) throw new Error('fake Slack: call deliverTo({ url, signingSecret }) before sending in HTTP mode');
    return httpTarget;
  }

  const fake: FakeSlack = {
    apiUrl: `${base}/api/`,
    port,
    teamId,
    botUserId,
    botId,
    calls,
    posts,
    updates,
    ephemerals,
    views,
    responses,
    socketFrames,
    responseUrl: (id = nextId('resp')) => `${base}/response/${id}`,
    deliverTo(target) {
      httpTarget = target;
    },
    async sendEvent(event, o = {}) {
      const team = o.teamId ?? teamId;
      const bot = [...workspaces.values()].find((w) => w.teamId === team)?.botUserId ?? botUserId;
      const envelope =
        event.type === 'event_callback' ? event : eventEnvelope(o.teamId ? { ...event, team } : event, { teamId: team, botUserId: bot, ...(o.eventId ? { eventId: o.eventId } : {}) });
      if (wss) return pushEnvelope('events_api', envelope, o.retryNum ?? 0);
      const target = requireTarget();
      return postSigned(target.url, target.signingSecret, JSON.stringify(envelope), 'application/json', o);
    },
    async sendAction(payload, o = {}) {
      if (wss) return pushEnvelope('interactive', payload, o.retryNum ?? 0);
      const target = requireTarget();
      return postSigned(target.url, target.signingSecret, formEncodePayload(payload), 'application/x-www-form-urlencoded', o);
    },
    async click(post, button, o = {}) {
      const match = typeof button === 'string' ? (b: PostedMessage['buttons'][number]) => b.label === button || b.value === button : button;
      const chosen = post.buttons.find(match);
      if (!chosen) throw new Error(`fake Slack: message ${post.ts} has no button ${String(button)}; it has: ${post.buttons.map((b) => b.label).join(', ') || 'none'}`);
      const team = o.teamId ?? post.teamId ?? teamId;
      const payload = {
        type: 'block_actions',
        user: { id: o.user ?? SLACK_IDS.alice, username: 'person', name: 'person', team_id: team },
        api_app_id: SLACK_IDS.app,
        token: 'legacy-verification-token',
        container: { type: 'message', message_ts: post.ts, channel_id: post.channel, is_ephemeral: false, ...(post.threadTs ? { thread_ts: post.threadTs } : {}) },
        trigger_id: nextId('trig.'),
        team: { id: team, domain: 'fake' },
        enterprise: null,
        is_enterprise_install: false,
        channel: { id: post.channel, name: post.channel.startsWith('D') ? 'directmessage' : 'support' },
        message: { type: 'message', user: botUserId, bot_id: botId, ts: post.ts, ...(post.threadTs ? { thread_ts: post.threadTs } : {}), text: post.text, blocks: post.blocks },
        state: { values: {} },
        response_url: fake.responseUrl(),
        actions: [
          {
            action_id: chosen.actionId,
            ...(chosen.blockId ? { block_id: chosen.blockId } : {}),
            text: { type: 'plain_text', text: chosen.label, emoji: true },
            value: chosen.value,
            type: 'button',
            action_ts: `${Math.floor(Date.now() / 1000)}.000001`,
          },
        ],
      };
      return fake.sendAction(payload, o);
    },
    async sendCommand(command, o = {}) {
      const fields = slashCommand({ teamId, ...command, responseUrl: fake.responseUrl() });
      if (wss) return pushEnvelope('slash_commands', fields, o.retryNum ?? 0);
      const target = requireTarget();
      return postSigned(target.url, target.signingSecret, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', o);
    },
    waitForPost(predicate = () => true, o = {}) {
      return waitFor('chat.postMessage', () => posts, predicate, o, () => `posts so far: ${JSON.stringify(posts.map((p) => ({ channel: p.channel, threadTs: p.threadTs, text: p.text.slice(0, 60) })))}`);
    },
    waitForUpdate(predicate = () => true, o = {}) {
      return waitFor('chat.update', () => updates, predicate, o, () => `updates so far: ${updates.length}`);
    },
    waitForEphemeral(predicate = () => true, o = {}) {
      return waitFor('chat.postEphemeral', () => ephemerals, predicate, o, () => `notes so far: ${JSON.stringify(ephemerals.map((e) => ({ user: e.user, text: e.text.slice(0, 60) })))}`);
    },
    waitForView(predicate = () => true, o = {}) {
      return waitFor('views.open', () => views, predicate, o, () => `views so far: ${views.length}`);
    },
    async submitView(opened, values, o = {}) {
      const state: Record<string, Record<string, { type: string; value: string }>> = {};
      for (const [block, actions] of Object.entries(values)) {
        state[block] = Object.fromEntries(Object.entries(actions).map(([action, value]) => [action, { type: 'plain_text_input', value }]));
      }
      const payload = {
        type: 'view_submission',
        team: { id: o.teamId ?? teamId, domain: 'fake' },
        user: { id: o.user ?? SLACK_IDS.staffer, username: 'staff', name: 'staff', team_id: o.teamId ?? teamId },
        api_app_id: SLACK_IDS.app,
        token: 'legacy-verification-token',
        trigger_id: nextId('trig.'),
        view: { ...opened.view, id: opened.id, team_id: o.teamId ?? teamId, state: { values: state }, hash: 'fake-hash', app_id: SLACK_IDS.app, bot_id: botId },
        response_urls: [],
        is_enterprise_install: false,
        enterprise: null,
      };
      return fake.sendAction(payload, o);
    },
    waitForCall(method, predicate = () => true, o = {}) {
      return waitFor(method, () => calls, (c) => c.method === method && predicate(c), o, () => `calls so far: ${calls.map((c) => c.method).join(', ')}`);
    },
    async waitForConnection(o = {}) {
      if (sockets.size > 0) return;
      await Promise.race([
        once(events, 'socket_connected'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('fake Slack: no Socket Mode connection')), o.timeoutMs ?? 5000).unref()),
      ]);
    },
    sendRaw(frame) {
      for (const ws of sockets) ws.send(JSON.stringify(frame));
    },
    failNext(method, error) {
      failures.set(method, error);
    },
    everythingSent() {
      return JSON.stringify(calls);
    },
    oauth,
    addWorkspace(workspace) {
      workspaces.set(workspace.botToken, workspace);
    },
    async stop() {
      for (const ws of sockets) ws.terminate();
      wss?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
