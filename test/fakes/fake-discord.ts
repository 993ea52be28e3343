/**
 * A fake Discord on 127.0.0.1: the REST API (`http://127.0.0.1:PORT/api/v10/...`) and the gateway
 * (`ws://127.0.0.1:PORT/gateway`) on one http server. It speaks enough of v10 for the real
 * discord.js 14 to log in, receive messages, clicks and slash commands, answer, open threads, delete
 * messages, register commands, and resume after op 7 RECONNECT. It records everything the bot does.
 *
 *   const discord = await startFakeDiscord();
 *   // point the bot at discord.apiUrl (DISCORD_API_URL), then:
 *   await discord.ready();
 *   const msg = discord.sendMessage({ content: 'my card was declined', mentionBot: true });
 *   const reply = await discord.waitForMessage((m) => m.components.length > 0);
 *   discord.clickButton(reply, { index: 0 });
 *   // stop the discord.js client first, then:
 *   await discord.stop();
 */
import { createServer, type IncomingMessage as HttpRequest, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';
import { PermissionFlagsBits } from 'discord.js';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  DEFAULT_BOT_PERMISSIONS,
  EVERYONE_PERMISSIONS,
  FAKE_IDS,
  FAKE_USERS,
  guildCreatePayload,
  member,
  snowflake,
  threadChannel,
  type ChannelRecord,
  type FakeUser,
} from './discord-payloads.js';

export { FAKE_IDS, FAKE_USERS, snowflake, type FakeUser } from './discord-payloads.js';

type Json = Record<string, unknown>;

export interface FakeDiscordOptions {
  /** Permissions of the bot's role (default: Manage Messages + Embed Links on top of @everyone's). */
  botPermissions?: bigint;
  /** What HELLO announces (default 41250 ms). */
  heartbeatIntervalMs?: number;
  /** Echo the bot's own messages back as MESSAGE_CREATE, as Discord does (default true). */
  echoBotMessages?: boolean;
  /** When set, REST calls that need the bot token must carry `Bot <token>`, else 401. */
  token?: string;
  /** Close the gateway with 4014 "Disallowed intents" on IDENTIFY (Message Content not enabled). */
  disallowIntents?: boolean;
  /** Hold READY after IDENTIFY until releaseReady() (a slow gateway, for readiness tests). */
  holdReady?: boolean;
}

export interface RestCall {
  method: string;
  /** Without `/api/v10`. */
  path: string;
  query: string;
  authorization: string | undefined;
  body: unknown;
}

/** A message the bot posted, however it posted it; `components` follow later edits (button updates). */
export interface BotMessage {
  id: string;
  channelId: string;
  content: string;
  components: Json[];
  flags: number;
  allowedMentions: unknown;
  via: 'channel' | 'interaction' | 'followup';
  interactionId?: string;
  /** The message this one replies to (message_reference), if any. */
  replyTo?: string;
}

export interface InteractionResponse {
  interactionId: string;
  /** 4 reply, 5 deferred reply, 6 deferred update, 7 update message. */
  type: number;
  data: Json | undefined;
}

export interface SendMessageOptions {
  content: string;
  /** Default #support; ignored when `dm` is true. */
  channelId?: string;
  /** A direct message from the author to the bot. */
  dm?: boolean;
  author?: FakeUser;
  /** Prepends `<@bot> ` and lists the bot in `mentions`. */
  mentionBot?: boolean;
  /** Other people mentioned (`<@id>` must be in the content). */
  mentions?: FakeUser[];
  /** Reuse an id to replay the same message (Discord replays events after a resume). */
  id?: string;
}

export interface ClickOptions {
  /** Which button: by label, custom id, or index among all the message's buttons. */
  label?: string;
  customId?: string;
  index?: number;
  user?: FakeUser;
  /** Reuse an interaction id to replay the same click. */
  id?: string;
}

export interface SlashCommandOptions {
  name?: string;
  options?: { name: string; type: number; value: string | number | boolean }[];
  channelId?: string;
  dm?: boolean;
  user?: FakeUser;
}

export interface FakeDiscord {
  /** For DISCORD_API_URL / discord.js `rest.api` (discord.js appends /v10). */
  readonly apiUrl: string;
  readonly ids: typeof FAKE_IDS;
  readonly users: typeof FAKE_USERS;
  /** Every message the bot posted, in order. */
  readonly messages: BotMessage[];
  readonly rest: RestCall[];
  readonly interactionResponses: InteractionResponse[];
  readonly deleted: { channelId: string; messageId: string }[];
  /** Threads the bot opened. */
  readonly threads: ChannelRecord[];
  /** Command sets the bot registered (PUT bodies). */
  readonly commandPuts: { path: string; body: unknown }[];
  /** Everything the client sent on the gateway. */
  readonly gatewayFrames: Json[];
  /** How many gateway connections were opened so far. */
  connections(): number;
  /** Resolves once a client has identified and received READY and GUILD_CREATE. */
  ready(timeoutMs?: number): Promise<void>;
  /** With holdReady: lets the held (and every later) IDENTIFY get its READY. */
  releaseReady(): void;
  /** Resolves once a client has sent IDENTIFY (op 2). */
  identified(timeoutMs?: number): Promise<void>;
  /** The DM channel between a person and the bot (created on first use). */
  dmChannelId(user?: FakeUser): string;
  sendMessage(options: SendMessageOptions): Json;
  /** Dispatches a raw MESSAGE_CREATE (for malformed-event tests). */
  dispatch(event: string, data: unknown): void;
  clickButton(message: BotMessage, options?: ClickOptions): Json;
  runSlashCommand(options?: SlashCommandOptions): Json;
  /** Submits a modal the bot showed (an interaction response of type 9), with its text inputs' values by custom id. */
  submitModal(shown: InteractionResponse, values: Record<string, string>, options?: { user?: FakeUser }): Json;
  waitForMessage(predicate: (m: BotMessage) => boolean, timeoutMs?: number): Promise<BotMessage>;
  waitForInteractionResponse(predicate: (r: InteractionResponse) => boolean, timeoutMs?: number): Promise<InteractionResponse>;
  waitForRest(predicate: (c: RestCall) => boolean, timeoutMs?: number): Promise<RestCall>;
  /** Resolves when the bot has made no REST call for `quietMs`. */
  waitForQuiet(quietMs?: number, timeoutMs?: number): Promise<void>;
  /**
   * Takes the gateway down (open connections dropped, new ones refused with 503) or brings it back;
   * REST keeps answering. `gatewayAttempts()` counts every connection attempt so far.
   */
  setGatewayDown(down: boolean): void;
  gatewayAttempts(): number;
  /** Sends op 7 RECONNECT; resolves with the RESUME (op 6) payload once the client resumed. */
  requestReconnect(timeoutMs?: number): Promise<Json>;
  /** Buttons of a message, flattened. */
  buttonsOf(message: BotMessage): Json[];
  stop(): Promise<void>;
}

function readBody(req: HttpRequest): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const asObject = (value: unknown): Json => (value !== null && typeof value === 'object' ? (value as Json) : {});
const asArray = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

function waitFor<T>(emitter: EventEmitter, event: string, list: readonly T[], predicate: (item: T) => boolean, timeoutMs: number, what: () => string): Promise<T> {
  const found = list.find(predicate);
  if (found !== undefined) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(event, on);
      reject(new Error(`fake Discord: timed out after ${timeoutMs} ms waiting for ${event}; seen: ${what()}`));
    }, timeoutMs);
    const on = (item: T) => {
      if (!predicate(item)) return;
      clearTimeout(timer);
      emitter.off(event, on);
      resolve(item);
    };
    emitter.on(event, on);
  });
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const events = new EventEmitter();
  events.setMaxListeners(100);
  const botPermissions = options.botPermissions ?? DEFAULT_BOT_PERMISSIONS;
  const echo = options.echoBotMessages ?? true;
  const heartbeat = options.heartbeatIntervalMs ?? 41_250;

  const messages: BotMessage[] = [];
  const rest: RestCall[] = [];
  const interactionResponses: InteractionResponse[] = [];
  const deleted: { channelId: string; messageId: string }[] = [];
  const threads: ChannelRecord[] = [];
  const commandPuts: { path: string; body: unknown }[] = [];
  const gatewayFrames: Json[] = [];
  const sockets = new Set<WebSocket>();
  let connectionCount = 0;
  let seq = 0;
  let isReady = false;
  let lastRestAt = Date.now();

  const channels = new Map<string, ChannelRecord>([
    [FAKE_IDS.support, { id: FAKE_IDS.support, type: 0, name: 'support', guild_id: FAKE_IDS.guild }],
    [FAKE_IDS.payments, { id: FAKE_IDS.payments, type: 0, name: 'payments', guild_id: FAKE_IDS.guild }],
    [FAKE_IDS.general, { id: FAKE_IDS.general, type: 0, name: 'general', guild_id: FAKE_IDS.guild }],
    [FAKE_IDS.staff, { id: FAKE_IDS.staff, type: 0, name: 'support-staff', guild_id: FAKE_IDS.guild }],
  ]);
  const dmChannels = new Map<string, string>();
  /** Every message object the fake knows (users' and the bot's), for interactions and deletes. */
  const messageObjects = new Map<string, Json>();
  /** interaction token → where it happened, for webhook follow-ups and @original edits. */
  const interactions = new Map<string, { id: string; channelId: string; messageId?: string; originalId?: string }>();

  const server = createServer((req, res) => void handleRest(req, res));
  let gatewayDown = false;
  let gatewayAttempts = 0;
  const wss = new WebSocketServer({
    server,
    path: '/gateway',
    verifyClient: (_info, accept) => {
      gatewayAttempts += 1;
      if (gatewayDown) accept(false, 503, 'gateway down');
      else accept(true);
    },
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const gatewayUrl = `ws://127.0.0.1:${port}/gateway`;

  function dispatch(t: string, d: unknown): void {
    seq += 1;
    const frame = JSON.stringify({ op: 0, t, s: seq, d });
    for (const ws of sockets) ws.send(frame);
  }

  function channelFor(id: string): ChannelRecord | undefined {
    return channels.get(id);
  }

  function dmChannelId(u: FakeUser = FAKE_USERS.alice): string {
    let id = dmChannels.get(u.id);
    if (!id) {
      id = snowflake();
      dmChannels.set(u.id, id);
      channels.set(id, { id, type: 1, name: '', recipients: [u] });
    }
    return id;
  }

  function channelPayload(c: ChannelRecord): Json {
    if (c.type === 1) return { id: c.id, type: 1, recipients: c.recipients ?? [], last_message_id: null, flags: 0 };
    if (c.type === 11) return threadChannel(c.id, c.parent_id ?? '', c.name, c.owner_id ?? FAKE_IDS.application);
    return { id: c.id, type: c.type, guild_id: FAKE_IDS.guild, name: c.name, position: 0, permission_overwrites: [], nsfw: false, parent_id: null };
  }

  /** The bot's permissions in a channel (threads inherit from their parent; #payments denies Manage Messages). */
  function botPermissionsIn(channelId: string): bigint {
    const c = channelFor(channelId);
    if (!c) return 0n;
    if (c.type === 1) return PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ReadMessageHistory;
    const base = c.type === 11 ? (c.parent_id ?? '') : c.id;
    const all = EVERYONE_PERMISSIONS | botPermissions;
    return base === FAKE_IDS.payments ? all & ~PermissionFlagsBits.ManageMessages : all;
  }

  function botCan(channelId: string, permission: bigint): boolean {
    const c = channelFor(channelId);
    if (!c || c.type === 1) return false;
    return (botPermissionsIn(channelId) & permission) === permission;
  }

  function botMessageObject(channelId: string, body: Json, id = snowflake()): Json {
    const c = channelFor(channelId);
    const reference = asObject(body.message_reference);
    return {
      id,
      type: body.message_reference ? 19 : 0,
      channel_id: channelId,
      ...(c?.guild_id ? { guild_id: c.guild_id } : {}),
      author: FAKE_USERS.bot,
      content: typeof body.content === 'string' ? body.content : '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: asArray(body.embeds),
      components: asArray(body.components),
      pinned: false,
      flags: typeof body.flags === 'number' ? body.flags : 0,
      ...(body.message_reference ? { message_reference: { ...reference, channel_id: channelId } } : {}),
    };
  }

  function recordBotMessage(obj: Json, via: BotMessage['via'], body: Json, interactionId?: string): BotMessage {
    messageObjects.set(String(obj.id), obj);
    const reference = asObject(body.message_reference);
    const record: BotMessage = {
      id: String(obj.id),
      channelId: String(obj.channel_id),
      content: String(obj.content ?? ''),
      components: asArray(obj.components),
      flags: typeof obj.flags === 'number' ? obj.flags : 0,
      allowedMentions: body.allowed_mentions,
      via,
      ...(interactionId ? { interactionId } : {}),
      ...(typeof reference.message_id === 'string' ? { replyTo: reference.message_id } : {}),
    };
    messages.push(record);
    events.emit('message', record);
    // Discord echoes the bot's own (non-ephemeral) messages on the gateway: the bot must ignore them.
    if (echo && (record.flags & 64) === 0) setTimeout(() => dispatch('MESSAGE_CREATE', obj), 5);
    return record;
  }

  let held: Array<() => void> | undefined = options.holdReady ? [] : undefined;
  /** READY and GUILD_CREATE for an IDENTIFY with data `d`. */
  function sendReady(d: Json): void {
    seq = 0;
    dispatch('READY', {
      v: 10,
      user: { ...FAKE_USERS.bot, verified: true, mfa_enabled: false, email: null },
      guilds: [{ id: FAKE_IDS.guild, unavailable: true }],
      session_id: 'fake-session',
      resume_gateway_url: gatewayUrl,
      shard: d.shard ?? [0, 1],
      application: { id: FAKE_IDS.application, flags: 0 },
      private_channels: [],
      relationships: [],
      user_settings: {},
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      _trace: ['fake-discord'],
    });
    // Every guild READY lists must arrive, or discord.js waits waitGuildTimeout before ready.
    dispatch(
      'GUILD_CREATE',
      guildCreatePayload(
        botPermissions,
        threads.map((t) => threadChannel(t.id, t.parent_id ?? '', t.name, t.owner_id ?? FAKE_IDS.application)),
      ),
    );
    isReady = true;
    events.emit('ready');
  }

  // ------------------------------------------------------------------ gateway
  wss.on('connection', (ws) => {
    sockets.add(ws);
    connectionCount += 1;
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', (raw) => {
      let frame: Json;
      try {
        frame = asObject(JSON.parse(raw.toString()));
      } catch {
        return;
      }
      gatewayFrames.push(frame);
      events.emit('frame', frame);
      const d = asObject(frame.d);
      switch (frame.op) {
        case 1:
          ws.send(JSON.stringify({ op: 11, d: null }));
          break;
        case 2:
          if (options.disallowIntents) {
            ws.close(4014, 'Disallowed intent(s).');
            break;
          }
          events.emit('identify');
          if (held) {
            held.push(() => sendReady(d));
            break;
          }
          sendReady(d);
          break;
        case 6:
          events.emit('resume', d);
          seq += 1;
          ws.send(JSON.stringify({ op: 0, t: 'RESUMED', s: seq, d: { _trace: ['fake-discord'] } }));
          break;
      }
    });
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: heartbeat, _trace: ['fake-discord'] } }));
  });

  // ------------------------------------------------------------------ REST
  async function handleRest(req: HttpRequest, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const path = decodeURIComponent(url.pathname).replace(/^\/api(\/v\d+)?/, '');
    let body: unknown = raw;
    if ((req.headers['content-type'] ?? '').includes('application/json') && raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const call: RestCall = { method: req.method ?? 'GET', path, query: url.search, authorization: req.headers.authorization, body };
    rest.push(call);
    lastRestAt = Date.now();
    events.emit('rest', call);

    const json = (status: number, payload: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    const noContent = (): void => {
      res.writeHead(204).end();
    };
    const b = asObject(body);
    const isWebhookRoute = path.startsWith('/interactions/') || path.startsWith('/webhooks/');
    if (options.token && !isWebhookRoute && call.authorization !== `Bot ${options.token}`) {
      return json(401, { message: '401: Unauthorized', code: 0 });
    }
    let m: RegExpMatchArray | null;

    if (call.method === 'GET' && path === '/gateway/bot') {
      return json(200, { url: gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
    }
    if (call.method === 'GET' && path === '/users/@me') return json(200, FAKE_USERS.bot);
    if (call.method === 'POST' && path === '/users/@me/channels') {
      // Opening a DM with someone (the bot's private notes): their DM channel with the bot.
      const recipient = Object.values(FAKE_USERS).find((u) => u.id === b.recipient_id);
      if (!recipient) return json(400, { message: 'Invalid Recipient', code: 50033 });
      return json(200, channelPayload(channelFor(dmChannelId(recipient))!));
    }
    if (call.method === 'GET' && path === '/applications/@me') {
      return json(200, { id: FAKE_IDS.application, name: 'supportbot', description: '', bot_public: true, bot_require_code_grant: false, flags: 0, bot: FAKE_USERS.bot });
    }
    if (call.method === 'PUT' && (m = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      if (m[1] !== FAKE_IDS.application) return json(404, { message: 'Unknown Application', code: 10002 });
      commandPuts.push({ path, body });
      return json(
        200,
        asArray(body).map((c) => ({ ...c, id: snowflake(), application_id: m![1], ...(m![2] ? { guild_id: m![2] } : {}), version: snowflake() })),
      );
    }
    if (call.method === 'GET' && (m = path.match(/^\/channels\/(\d+)$/))) {
      const c = channelFor(m[1]!);
      return c ? json(200, channelPayload(c)) : json(404, { message: 'Unknown Channel', code: 10003 });
    }
    if (call.method === 'POST' && (m = path.match(/^\/channels\/(\d+)\/messages$/))) {
      if (!channelFor(m[1]!)) return json(404, { message: 'Unknown Channel', code: 10003 });
      const obj = botMessageObject(m[1]!, b);
      recordBotMessage(obj, 'channel', b);
      return json(200, obj);
    }
    if (call.method === 'DELETE' && (m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/))) {
      const [, channelId, messageId] = m as unknown as [string, string, string];
      const target = messageObjects.get(messageId);
      const byBot = asObject(target?.author).id === FAKE_IDS.application;
      if (!byBot && channelFor(channelId)?.type === 1) return json(403, { message: 'Cannot execute action on a DM channel', code: 50003 });
      if (!byBot && !botCan(channelId, PermissionFlagsBits.ManageMessages)) return json(403, { message: 'Missing Permissions', code: 50013 });
      deleted.push({ channelId, messageId });
      events.emit('deleted', { channelId, messageId });
      return noContent();
    }
    if (call.method === 'POST' && (m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/))) {
      const [, parentId, messageId] = m as unknown as [string, string, string];
      if (!botCan(parentId, PermissionFlagsBits.CreatePublicThreads)) return json(403, { message: 'Missing Permissions', code: 50013 });
      return json(201, openThread(messageId, parentId, String(b.name ?? 'thread')));
    }
    if (call.method === 'POST' && (m = path.match(/^\/channels\/(\d+)\/threads$/))) {
      if (!botCan(m[1]!, PermissionFlagsBits.CreatePublicThreads)) return json(403, { message: 'Missing Permissions', code: 50013 });
      return json(201, openThread(snowflake(), m[1]!, String(b.name ?? 'thread')));
    }
    if (call.method === 'PUT' && /^\/channels\/\d+\/thread-members\/\d+$/.test(path)) return noContent();
    if (call.method === 'PATCH' && (m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/))) {
      const existing = messages.find((x) => x.id === m![2] && x.channelId === m![1]);
      if (!existing) return json(404, { message: 'Unknown Message', code: 10008 });
      if (typeof b.content === 'string') existing.content = b.content;
      if (Array.isArray(b.components)) existing.components = asArray(b.components);
      const obj = { ...messageObjects.get(existing.id), content: existing.content, components: existing.components, edited_timestamp: new Date().toISOString() };
      messageObjects.set(existing.id, obj);
      events.emit('message', existing);
      return json(200, obj);
    }
    if (call.method === 'GET' && (m = path.match(/^\/guilds\/(\d+)\/members\/(\d+)$/))) {
      const u = Object.values(FAKE_USERS).find((x) => x.id === m![2]);
      if (m[1] !== FAKE_IDS.guild || !u) return json(404, { message: 'Unknown Member', code: 10007 });
      return json(200, member(u, rolesOf(u)));
    }
    if (call.method === 'POST' && (m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      return interactionCallback(m[1]!, m[2]!, b, url.searchParams.get('with_response') === 'true', json, noContent);
    }
    if ((m = path.match(/^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/))) {
      const ix = interactions.get(m[2]!);
      if (!ix) return json(404, { message: 'Unknown Webhook', code: 10015 });
      if (call.method === 'POST' && !m[3]) {
        const obj = botMessageObject(ix.channelId, b);
        recordBotMessage(obj, 'followup', b, ix.id);
        return json(200, obj);
      }
      if (call.method === 'PATCH' && m[3]) {
        const targetId = m[3] === '@original' ? ix.originalId : m[3];
        const existing = targetId ? messages.find((x) => x.id === targetId) : undefined;
        if (existing) {
          if (typeof b.content === 'string') existing.content = b.content;
          if (Array.isArray(b.components)) existing.components = asArray(b.components);
          events.emit('message', existing);
          return json(200, { ...messageObjects.get(existing.id), content: existing.content, components: existing.components });
        }
        // Editing a deferred reply: that is when its message appears.
        const obj = botMessageObject(ix.channelId, b);
        ix.originalId = String(obj.id);
        recordBotMessage(obj, 'interaction', b, ix.id);
        return json(200, obj);
      }
    }
    return json(404, { message: `fake Discord: no route for ${call.method} ${path}`, code: 0 });
  }

  function openThread(id: string, parentId: string, name: string): Json {
    const record: ChannelRecord = { id, type: 11, name, guild_id: FAKE_IDS.guild, parent_id: parentId, owner_id: FAKE_IDS.application };
    channels.set(id, record);
    threads.push(record);
    const payload = threadChannel(id, parentId, name, FAKE_IDS.application);
    // Sent before the REST answer, as Discord does: a message the test then posts in the thread
    // must never reach the client before the thread itself (that race made a test flaky).
    dispatch('THREAD_CREATE', { ...payload, newly_created: true });
    return payload;
  }

  function interactionCallback(
    interactionId: string,
    token: string,
    b: Json,
    withResponse: boolean,
    json: (status: number, payload: unknown) => void,
    noContent: () => void,
  ): void {
    const ix = interactions.get(token);
    if (!ix || ix.id !== interactionId) return json(404, { message: 'Unknown interaction', code: 10062 });
    if (interactionResponses.some((r) => r.interactionId === interactionId)) {
      return json(400, { message: 'Interaction has already been acknowledged.', code: 40060 });
    }
    const data = b.data === undefined ? undefined : asObject(b.data);
    const response: InteractionResponse = { interactionId, type: Number(b.type), data };
    interactionResponses.push(response);
    events.emit('interaction_response', response);
    if (response.type === 4 && data) {
      const obj = botMessageObject(ix.channelId, data);
      ix.originalId = String(obj.id);
      recordBotMessage(obj, 'interaction', data, interactionId);
    }
    if (response.type === 7 && data && ix.messageId) {
      const existing = messages.find((x) => x.id === ix.messageId);
      if (existing) {
        if (typeof data.content === 'string') existing.content = data.content;
        if (Array.isArray(data.components)) existing.components = asArray(data.components);
        const obj = messageObjects.get(existing.id);
        if (obj) messageObjects.set(existing.id, { ...obj, content: existing.content, components: existing.components });
        events.emit('message', existing);
      }
    }
    if (withResponse) return json(200, { interaction: { id: interactionId, type: 3 }, resource: { type: response.type } });
    return noContent();
  }

  // ------------------------------------------------------------------ what people do
  function sendMessage(o: SendMessageOptions): Json {
    const author = o.author ?? FAKE_USERS.alice;
    const channelId = o.dm ? dmChannelId(author) : (o.channelId ?? FAKE_IDS.support);
    const c = channelFor(channelId);
    const now = new Date().toISOString();
    const mentions = [...(o.mentionBot ? [FAKE_USERS.bot] : []), ...(o.mentions ?? [])];
    const obj: Json = {
      id: o.id ?? snowflake(),
      type: 0,
      channel_id: channelId,
      ...(c?.type === 1 ? { channel_type: 1 } : { guild_id: FAKE_IDS.guild, member: { roles: rolesOf(author), joined_at: now, deaf: false, mute: false, flags: 0 } }),
      author,
      content: o.mentionBot ? `<@${FAKE_IDS.application}> ${o.content}` : o.content,
      timestamp: now,
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      // Mentions carry partial members: their roles must be the real ones, or discord.js forgets them.
      mentions: mentions.map((u) => ({ ...u, ...(c?.type === 1 ? {} : { member: { roles: rolesOf(u), joined_at: now } }) })),
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      flags: 0,
      nonce: snowflake(),
    };
    messageObjects.set(String(obj.id), obj);
    dispatch('MESSAGE_CREATE', obj);
    return obj;
  }

  function rolesOf(u: FakeUser): string[] {
    if (u.id === FAKE_IDS.application) return [FAKE_IDS.botRole];
    if (u.id === FAKE_IDS.staffer || u.id === FAKE_IDS.staffer2) return [FAKE_IDS.supportRole];
    return [];
  }

  function buttonsOf(message: BotMessage): Json[] {
    return message.components.flatMap((row) => asArray(row.components)).filter((c) => c.type === 2);
  }

  function interactionBase(channelId: string, u: FakeUser, id: string): Json {
    const c = channelFor(channelId);
    const token = `fake-token-${id}`;
    const isDm = c?.type === 1;
    return {
      id,
      application_id: FAKE_IDS.application,
      token,
      version: 1,
      channel_id: channelId,
      channel: c ? channelPayload(c) : { id: channelId, type: 0 },
      ...(isDm
        ? { user: u, context: 1 }
        : {
            guild_id: FAKE_IDS.guild,
            member: { ...member(u, rolesOf(u)), permissions: (u.id === FAKE_IDS.staffer ? EVERYONE_PERMISSIONS | PermissionFlagsBits.ManageMessages : EVERYONE_PERMISSIONS).toString() },
            context: 0,
          }),
      locale: 'en-US',
      ...(isDm ? {} : { guild_locale: 'en-US' }),
      app_permissions: botPermissionsIn(channelId).toString(),
      entitlements: [],
      authorizing_integration_owners: { '0': FAKE_IDS.guild },
      attachment_size_limit: 10485760,
    };
  }

  function clickButton(message: BotMessage, o: ClickOptions = {}): Json {
    const buttons = buttonsOf(message);
    const button =
      o.customId !== undefined
        ? buttons.find((x) => x.custom_id === o.customId)
        : o.label !== undefined
          ? buttons.find((x) => x.label === o.label)
          : buttons[o.index ?? 0];
    if (!button) throw new Error(`fake Discord: message ${message.id} has no such button (${JSON.stringify(o)}); it has ${JSON.stringify(buttons.map((x) => x.label))}`);
    const id = o.id ?? snowflake();
    const u = o.user ?? (channelFor(message.channelId)?.recipients?.[0] ?? FAKE_USERS.alice);
    const payload: Json = {
      ...interactionBase(message.channelId, u, id),
      type: 3,
      data: { custom_id: button.custom_id, component_type: 2 },
      message: { ...(messageObjects.get(message.id) ?? {}), components: message.components },
    };
    interactions.set(String(payload.token), { id, channelId: message.channelId, messageId: message.id });
    dispatch('INTERACTION_CREATE', payload);
    return payload;
  }

  function runSlashCommand(o: SlashCommandOptions = {}): Json {
    const u = o.user ?? FAKE_USERS.alice;
    const channelId = o.dm ? dmChannelId(u) : (o.channelId ?? FAKE_IDS.support);
    const id = snowflake();
    const payload: Json = {
      ...interactionBase(channelId, u, id),
      type: 2,
      data: { id: snowflake(), name: o.name ?? 'alipay-help', type: 1, options: o.options ?? [] },
    };
    interactions.set(String(payload.token), { id, channelId });
    dispatch('INTERACTION_CREATE', payload);
    return payload;
  }

  function submitModal(shown: InteractionResponse, values: Record<string, string>, o: { user?: FakeUser } = {}): Json {
    if (shown.type !== 9 || !shown.data) throw new Error(`fake Discord: interaction response ${shown.interactionId} is not a modal`);
    const opener = [...interactions.values()].find((ix) => ix.id === shown.interactionId);
    if (!opener) throw new Error('fake Discord: the modal was not opened by a known interaction');
    const u = o.user ?? FAKE_USERS.staffer;
    const id = snowflake();
    const components = asArray(shown.data.components).map((row) => ({
      type: 1,
      components: asArray(row.components).map((c) => ({ type: 4, custom_id: c.custom_id, value: values[String(c.custom_id)] ?? '' })),
    }));
    const message = opener.messageId ? messages.find((x) => x.id === opener.messageId) : undefined;
    const payload: Json = {
      ...interactionBase(opener.channelId, u, id),
      type: 5,
      data: { custom_id: shown.data.custom_id, components },
      ...(message ? { message: { ...(messageObjects.get(message.id) ?? {}), components: message.components } } : {}),
    };
    interactions.set(String(payload.token), { id, channelId: opener.channelId, ...(opener.messageId ? { messageId: opener.messageId } : {}) });
    dispatch('INTERACTION_CREATE', payload);
    return payload;
  }

  return {
    submitModal,
    apiUrl: `http://127.0.0.1:${port}/api`,
    ids: FAKE_IDS,
    users: FAKE_USERS,
    messages,
    rest,
    interactionResponses,
    deleted,
    threads,
    commandPuts,
    gatewayFrames,
    connections: () => connectionCount,
    ready(timeoutMs = 10_000) {
      if (isReady) return Promise.resolve();
      return waitFor(events, 'ready', [] as unknown[], () => true, timeoutMs, () => `${connectionCount} connections`).then(() => undefined);
    },
    releaseReady() {
      const waiting = held ?? [];
      held = undefined;
      for (const send of waiting) send();
    },
    identified(timeoutMs = 10_000) {
      if (gatewayFrames.some((f) => f.op === 2)) return Promise.resolve();
      return waitFor(events, 'identify', [] as unknown[], () => true, timeoutMs, () => `${connectionCount} connections`).then(() => undefined);
    },
    dmChannelId,
    sendMessage,
    dispatch,
    clickButton,
    runSlashCommand,
    waitForMessage: (predicate, timeoutMs = 5000) =>
      waitFor(events, 'message', messages, predicate, timeoutMs, () => JSON.stringify(messages.map((x) => x.content.slice(0, 60)))),
    waitForInteractionResponse: (predicate, timeoutMs = 5000) =>
      waitFor(events, 'interaction_response', interactionResponses, predicate, timeoutMs, () => JSON.stringify(interactionResponses.map((r) => r.type))),
    waitForRest: (predicate, timeoutMs = 5000) =>
      waitFor(events, 'rest', rest, predicate, timeoutMs, () => rest.map((c) => `${c.method} ${c.path}`).join(', ')),
    async waitForQuiet(quietMs = 150, timeoutMs = 5000) {
      const started = Date.now();
      while (Date.now() - lastRestAt < quietMs) {
        if (Date.now() - started > timeoutMs) throw new Error('fake Discord: the bot never went quiet');
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    setGatewayDown(down) {
      gatewayDown = down;
      if (down) for (const ws of sockets) ws.terminate();
    },
    gatewayAttempts: () => gatewayAttempts,
    requestReconnect(timeoutMs = 5000) {
      const resumed = waitFor(events, 'resume', [] as Json[], () => true, timeoutMs, () => `${connectionCount} connections`);
      for (const ws of sockets) ws.send(JSON.stringify({ op: 7, d: null }));
      return resumed;
    },
    buttonsOf,
    async stop() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
