import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerCommands } from '../../../src/adapters/discord/register-commands.js';
import { buildProgram } from '../../../src/cli/main.js';
import { ConfigError } from '../../../src/core/errors.js';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/fake-discord.js';

describe('registering the slash command', () => {
  let discord: FakeDiscord;
  beforeAll(async () => {
    discord = await startFakeDiscord({ token: 'register-token' });
  });
  afterAll(async () => {
    await discord.stop();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('PUTs /alipay-help to one guild, fetching the application id when none is given', async () => {
    const result = await registerCommands({ token: 'register-token', apiUrl: discord.apiUrl, guildId: discord.ids.guild });
    expect(result).toEqual({ applicationId: discord.ids.application, scope: 'guild', guildId: discord.ids.guild, names: ['alipay-help'] });
    expect(discord.rest.some((c) => c.method === 'GET' && c.path === '/applications/@me')).toBe(true);
    const put = discord.commandPuts.at(-1);
    expect(put?.path).toBe(`/applications/${discord.ids.application}/guilds/${discord.ids.guild}/commands`);
    const [command] = put?.body as { name: string; options: { name: string; type: number; required: boolean }[]; contexts: number[] }[];
    expect(command?.name).toBe('alipay-help');
    expect(command?.options).toEqual([expect.objectContaining({ name: 'question', type: 3, required: false })]);
    expect(command?.contexts).toEqual([0, 1]);
  });

  it('registers globally with a given application id and no guild', async () => {
    const before = discord.rest.length;
    const result = await registerCommands({ token: 'register-token', apiUrl: discord.apiUrl, applicationId: discord.ids.application });
    expect(result.scope).toBe('global');
    expect(discord.commandPuts.at(-1)?.path).toBe(`/applications/${discord.ids.application}/commands`);
    expect(discord.rest.slice(before).some((c) => c.path === '/applications/@me')).toBe(false);
  });

  it('says which variable to fix when Discord rejects the token or the id', async () => {
    await expect(registerCommands({ token: 'wrong', apiUrl: discord.apiUrl })).rejects.toThrow(ConfigError);
    await expect(registerCommands({ token: 'wrong', apiUrl: discord.apiUrl })).rejects.toThrow(/DISCORD_TOKEN/);
    await expect(registerCommands({ token: 'register-token', apiUrl: discord.apiUrl, applicationId: '999' })).rejects.toThrow(/DISCORD_APPLICATION_ID/);
  });

  it('runs as `supportbot discord register-commands` from the environment', async () => {
    vi.stubEnv('DISCORD_TOKEN', 'register-token');
    vi.stubEnv('DISCORD_API_URL', discord.apiUrl);
    vi.stubEnv('DISCORD_GUILD_ID', discord.ids.guild);
    vi.stubEnv('DISCORD_APPLICATION_ID', '');
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    try {
      await buildProgram().exitOverride().parseAsync(['node', 'supportbot', 'discord', 'register-commands']);
    } finally {
      write.mockRestore();
    }
    expect(out.join('')).toContain(`Registered /alipay-help in server ${discord.ids.guild}`);
    expect(discord.commandPuts.at(-1)?.path).toContain(`/guilds/${discord.ids.guild}/commands`);
  });

  it('refuses to run without DISCORD_TOKEN, naming it', async () => {
    vi.stubEnv('DISCORD_TOKEN', '');
    await expect(buildProgram().exitOverride().parseAsync(['node', 'supportbot', 'discord', 'register-commands'])).rejects.toThrow(/DISCORD_TOKEN/);
  });
});
