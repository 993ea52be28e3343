import { PermissionFlagsBits, type Client, type GuildBasedChannel } from 'discord.js';
import { ConfigError, StartupError } from '../../core/errors.js';
import { errorCode } from './login-errors.js';

/** Discord's codes for a channel that does not exist, and one the bot may not see. */
const UNKNOWN_CHANNEL = 10003;
const MISSING_ACCESS = 50001;

/**
 * Once connected: the handoff channel exists and the bot may post there, the support role and the
 * support channels exist in a server the bot is in. Each failure is one line naming its variable,
 * instead of a handoff that fails on the day someone needs a person.
 */
export async function checkDiscordSetup(client: Client, options: { handoffChannel?: string; supportRole?: string; supportChannels?: readonly string[]; liveAgent?: boolean }): Promise<void> {
  let handoff: GuildBasedChannel | undefined;
  if (options.handoffChannel) {
    const id = options.handoffChannel;
    let channel: Awaited<ReturnType<typeof client.channels.fetch>>;
    try {
      channel = await client.channels.fetch(id);
    } catch (error) {
      const code = errorCode(error);
      if (code === UNKNOWN_CHANNEL) throw new ConfigError('DISCORD_HANDOFF_CHANNEL', `Discord has no channel ${id}: copy the id again (Developer Mode → right-click the channel → Copy Channel ID)`);
      if (code === MISSING_ACCESS) throw new ConfigError('DISCORD_HANDOFF_CHANNEL', `the bot cannot see channel ${id}: give its role View Channel and Send Messages there`);
      throw new StartupError('Discord', `could not look up DISCORD_HANDOFF_CHANNEL ${id} (${error instanceof Error ? error.message : String(error)})`, { cause: error });
    }
    if (!channel || !('guild' in channel) || channel.isDMBased()) throw new ConfigError('DISCORD_HANDOFF_CHANNEL', `${id} is not a channel in a server`);
    const me = client.user;
    const can = me ? channel.permissionsFor(me) : null;
    if (!can?.has([PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages])) {
      throw new ConfigError('DISCORD_HANDOFF_CHANNEL', `the bot may not post in #${channel.name} (${id}): give its role View Channel and Send Messages there`);
    }
    // The live agent opens a thread on each summary and posts in it.
    if (options.liveAgent && !can.has([PermissionFlagsBits.CreatePublicThreads, PermissionFlagsBits.SendMessagesInThreads])) {
      throw new ConfigError('DISCORD_HANDOFF_CHANNEL', `the bot may not open threads in #${channel.name} (${id}): give its role Create Public Threads and Send Messages in Threads there (or set LIVE_AGENT=off)`);
    }
    handoff = channel;
  }
  if (options.supportRole) {
    const role = options.supportRole;
    const guilds = handoff ? [handoff.guild] : [...client.guilds.cache.values()];
    if (!guilds.some((guild) => guild.roles.cache.has(role))) {
      const where = handoff ? `the server of the handoff channel (${handoff.guild.name})` : 'any server the bot is in';
      throw new ConfigError('DISCORD_SUPPORT_ROLE', `there is no role ${role} in ${where}: copy the role id again (Server Settings → Roles → right-click → Copy Role ID)`);
    }
  }
  const missing = (options.supportChannels ?? []).filter((id) => !client.channels.cache.has(id));
  if (missing.length > 0) {
    throw new ConfigError('DISCORD_SUPPORT_CHANNELS', `the bot sees no channel ${missing.join(', ')}: check the ids, and that the bot's role may view those channels`);
  }
}
