/** The Discord adapter's public face: create or start it, register its slash command. */
export { createDiscordAdapter, discordAdapterFromEnv, startDiscordAdapter, DISCORD_INTENTS, type DiscordAdapter, type DiscordAdapterOptions } from './adapter.js';
export { registerCommands, type RegisterCommandsOptions, type RegisteredCommands } from './register-commands.js';
