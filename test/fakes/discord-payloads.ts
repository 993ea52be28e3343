/**
 * The fake Discord's world: one guild with a few channels, some people and the bot, and builders
 * for the gateway payloads discord.js 14 expects (full objects: discord.js builds its own from them).
 */
import { PermissionFlagsBits } from 'discord.js';

export const FAKE_IDS = {
  application: '1100000000000000001', // the application id == the bot's user id
  guild: '1200000000000000001', // also the @everyone role id
  botRole: '1200000000000000002', // the bot's managed role
  supportRole: '1200000000000000003', // the support team's role
  support: '1300000000000000001', // #support: a support channel, the bot may delete messages
  payments: '1300000000000000002', // #payments: a support channel where the bot may NOT manage messages
  general: '1300000000000000003', // #general: not a support channel
  staff: '1300000000000000004', // #support-staff: the handoff channel
  alice: '1500000000000000001',
  bob: '1500000000000000002',
  staffer: '1500000000000000003', // has the support role
  staffer2: '1500000000000000005', // has the support role too
  otherBot: '1500000000000000004',
} as const;

export interface FakeUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: null;
  bot: boolean;
  flags: number;
}

const user = (id: string, username: string, bot = false): FakeUser => ({
  id,
  username,
  discriminator: '0',
  global_name: bot ? null : username[0]!.toUpperCase() + username.slice(1),
  avatar: null,
  bot,
  flags: 0,
});

export const FAKE_USERS = {
  bot: user(FAKE_IDS.application, 'supportbot', true),
  alice: user(FAKE_IDS.alice, 'alice'),
  bob: user(FAKE_IDS.bob, 'bob'),
  staffer: user(FAKE_IDS.staffer, 'sam'),
  staffer2: user(FAKE_IDS.staffer2, 'kim'),
  otherBot: user(FAKE_IDS.otherBot, 'otherbot', true),
} as const;

/** What @everyone may do: see, read history, talk, open threads and talk in them, use commands. */
export const EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.UseApplicationCommands;

/** What the bot's role adds by default (the README's recommended set). */
export const DEFAULT_BOT_PERMISSIONS = PermissionFlagsBits.ManageMessages | PermissionFlagsBits.EmbedLinks;

let counter = 0n;
/** A unique, increasing, valid-looking snowflake. */
export function snowflake(): string {
  const ms = BigInt(Date.now()) - 1420070400000n;
  counter += 1n;
  return ((ms << 22n) | (counter & 0x3fffffn)).toString();
}

export type ChannelRecord = {
  id: string;
  type: number;
  name: string;
  guild_id?: string;
  parent_id?: string;
  owner_id?: string;
  recipients?: FakeUser[];
};

export function textChannel(id: string, name: string, overwrites: unknown[] = []): Record<string, unknown> {
  return {
    id,
    type: 0,
    guild_id: FAKE_IDS.guild,
    name,
    position: 0,
    permission_overwrites: overwrites,
    nsfw: false,
    topic: null,
    last_message_id: null,
    parent_id: null,
    rate_limit_per_user: 0,
  };
}

export function threadChannel(id: string, parentId: string, name: string, ownerId: string): Record<string, unknown> {
  const now = new Date().toISOString();
  return {
    id,
    type: 11,
    guild_id: FAKE_IDS.guild,
    parent_id: parentId,
    owner_id: ownerId,
    name,
    last_message_id: null,
    message_count: 0,
    member_count: 1,
    rate_limit_per_user: 0,
    flags: 0,
    total_message_sent: 0,
    thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: now, locked: false, create_timestamp: now },
  };
}

export function member(u: FakeUser, roles: string[] = []): Record<string, unknown> {
  return { user: u, roles, joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 };
}

export function guildCreatePayload(botPermissions: bigint, threads: Record<string, unknown>[]): Record<string, unknown> {
  const now = new Date().toISOString();
  const role = (id: string, name: string, permissions: bigint, position: number, managed = false) => ({
    id,
    name,
    color: 0,
    hoist: false,
    position,
    permissions: permissions.toString(),
    managed,
    mentionable: false,
    flags: 0,
  });
  // #payments denies the bot's role Manage Messages: the bot must warn instead of deleting there.
  const denyManage = [{ id: FAKE_IDS.botRole, type: 0, allow: '0', deny: PermissionFlagsBits.ManageMessages.toString() }];
  return {
    id: FAKE_IDS.guild,
    name: 'Fake Alipay Support',
    icon: null,
    owner_id: FAKE_IDS.staffer,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    features: [],
    mfa_level: 0,
    system_channel_flags: 0,
    premium_tier: 0,
    preferred_locale: 'en-US',
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: now,
    large: false,
    unavailable: false,
    member_count: 6,
    roles: [
      role(FAKE_IDS.guild, '@everyone', EVERYONE_PERMISSIONS, 0),
      role(FAKE_IDS.botRole, 'supportbot', botPermissions, 1, true),
      role(FAKE_IDS.supportRole, 'Support', EVERYONE_PERMISSIONS | PermissionFlagsBits.ManageMessages, 2),
    ],
    emojis: [],
    stickers: [],
    members: [
      member(FAKE_USERS.bot, [FAKE_IDS.botRole]),
      member(FAKE_USERS.alice),
      member(FAKE_USERS.bob),
      member(FAKE_USERS.staffer, [FAKE_IDS.supportRole]),
      member(FAKE_USERS.staffer2, [FAKE_IDS.supportRole]),
      member(FAKE_USERS.otherBot),
    ],
    channels: [
      textChannel(FAKE_IDS.support, 'support'),
      textChannel(FAKE_IDS.payments, 'payments', denyManage),
      textChannel(FAKE_IDS.general, 'general'),
      textChannel(FAKE_IDS.staff, 'support-staff'),
    ],
    threads,
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
