import type { Command } from 'commander';
import { parseEnv } from '../../config/env.js';
import { ConfigError } from '../../core/errors.js';

export interface RegisterCommandsCliOptions {
  guild?: string;
  global?: boolean;
}

/** `supportbot discord …`: Discord set-up tasks. */
export function registerDiscord(program: Command): void {
  const discord = program.command('discord').description('Discord set-up tasks (see the README section "Discord")');
  discord
    .command('register-commands')
    .description('register the /alipay-help slash command: in DISCORD_GUILD_ID if set (instant), else globally')
    .option('--guild <id>', 'register in this server only (overrides DISCORD_GUILD_ID)')
    .option('--global', 'register globally even when DISCORD_GUILD_ID is set')
    .action(async (options: RegisterCommandsCliOptions) => {
      await runRegisterCommands(options);
    });
}

export async function runRegisterCommands(options: RegisterCommandsCliOptions, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const env = parseEnv();
  if (!env.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN', 'is required to register commands (the bot token from the Developer Portal → Bot)');
  if (options.guild !== undefined && !/^\d+$/.test(options.guild)) throw new ConfigError('--guild', 'must be a guild id (digits)');
  const guildId = options.global ? undefined : (options.guild ?? env.DISCORD_GUILD_ID);
  // Loaded on use: discord.js is heavy, and the other commands must start fast.
  const { registerCommands } = await import('../../adapters/discord/register-commands.js');
  const result = await registerCommands({
    token: env.DISCORD_TOKEN,
    ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}),
    ...(env.DISCORD_APPLICATION_ID ? { applicationId: env.DISCORD_APPLICATION_ID } : {}),
    ...(guildId ? { guildId } : {}),
  });
  const names = result.names.map((n) => `/${n}`).join(', ');
  out.write(
    result.scope === 'guild'
      ? `Registered ${names} in server ${result.guildId} (application ${result.applicationId}). It is usable there now.\n`
      : `Registered ${names} globally (application ${result.applicationId}). Discord may take a few minutes to show it everywhere.\n`,
  );
}
