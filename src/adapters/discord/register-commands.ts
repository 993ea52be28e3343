import { REST, Routes } from 'discord.js';
import { z } from 'zod';
import { ConfigError, SupportbotError } from '../../core/errors.js';
import { applicationCommands } from './commands.js';

export interface RegisterCommandsOptions {
  token: string;
  /** REST base (DISCORD_API_URL); Discord's own when unset. */
  apiUrl?: string;
  /** DISCORD_APPLICATION_ID; fetched from /applications/@me when unset. */
  applicationId?: string;
  /** DISCORD_GUILD_ID: register in one server (instant) instead of globally. */
  guildId?: string;
}

export interface RegisteredCommands {
  applicationId: string;
  scope: 'guild' | 'global';
  guildId?: string;
  names: string[];
}

/** Registering commands failed on Discord's side (network, permissions, unknown application). */
export class DiscordRegistrationError extends SupportbotError {}

const applicationSchema = z.object({ id: z.string().regex(/^\d+$/) });
const registeredSchema = z.array(z.object({ name: z.string() }));

function statusOf(error: unknown): number | undefined {
  return error !== null && typeof error === 'object' && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
}

/**
 * PUTs the bot's slash commands (replacing the application's set in that scope): to one guild
 * when `guildId` is given, else globally.
 */
export async function registerCommands(options: RegisterCommandsOptions): Promise<RegisteredCommands> {
  const rest = new REST({ ...(options.apiUrl ? { api: options.apiUrl } : {}), retries: 1, timeout: 15_000 }).setToken(options.token);
  try {
    let applicationId = options.applicationId;
    if (!applicationId) {
      const app = applicationSchema.safeParse(await rest.get(Routes.currentApplication()));
      if (!app.success) throw new DiscordRegistrationError('Discord answered /applications/@me without an application id; set DISCORD_APPLICATION_ID');
      applicationId = app.data.id;
    }
    const route = options.guildId ? Routes.applicationGuildCommands(applicationId, options.guildId) : Routes.applicationCommands(applicationId);
    const registered = registeredSchema.parse(await rest.put(route, { body: applicationCommands() }));
    return {
      applicationId,
      scope: options.guildId ? 'guild' : 'global',
      ...(options.guildId ? { guildId: options.guildId } : {}),
      names: registered.map((c) => c.name),
    };
  } catch (error) {
    if (error instanceof SupportbotError) throw error;
    const status = statusOf(error);
    if (status === 401) throw new ConfigError('DISCORD_TOKEN', 'Discord rejected the token: copy it again from the Developer Portal (Bot → Reset Token)');
    if (status === 403 && options.guildId) {
      throw new ConfigError('DISCORD_GUILD_ID', 'the bot is not in that server, or was invited without the applications.commands scope (use the invite link in the README)');
    }
    if (status === 404) throw new ConfigError(options.guildId ? 'DISCORD_GUILD_ID' : 'DISCORD_APPLICATION_ID', 'Discord does not know this id');
    throw new DiscordRegistrationError(`registering commands failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
