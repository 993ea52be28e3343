/**
 * The Discord smoke test of `supportbot serve`: the built CLI, the real core, the real discord.js,
 * talking to a fake Discord on 127.0.0.1. Asserts structure (threads, buttons, clicks), not wording.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type BotMessage, type FakeDiscord } from '../../fakes/fake-discord.js';
import { spawnCli } from '../../support/spawn-cli.js';

const CARD = '4111 1111 1111 1111';
const CARD_DIGITS = /4111\D?1111\D?1111\D?1111/;

describe('supportbot serve with DISCORD_TOKEN, driven by a fake Discord', () => {
  let discord: FakeDiscord;
  let child: ChildProcess;
  let dataDir: string;
  let stderr = '';
  let startupMs = 0;
  let exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  beforeAll(async () => {
    discord = await startFakeDiscord({ token: 'serve-test-token' });
    dataDir = mkdtempSync(path.join(tmpdir(), 'supportbot-discord-'));
    child = spawnCli(['serve'], {
      env: {
        DISCORD_TOKEN: 'serve-test-token',
        DISCORD_API_URL: discord.apiUrl,
        DISCORD_SUPPORT_CHANNELS: `${discord.ids.support},${discord.ids.payments}`,
        DISCORD_HANDOFF_CHANNEL: discord.ids.staff,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'debug',
        // Health and metrics listen on a free port: others run tests on this machine too.
        HOST: '127.0.0.1',
        HEALTH_PORT: '0',
      },
    });
    const spawnedAt = Date.now();
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (process.env.DEBUG_SERVE) process.stdout.write(`${Date.now() - spawnedAt} ${chunk.toString().slice(0, 200)}\n`);
    });
    child.stdout?.resume();
    exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    // The adapter logs "connected" once discord.js is ready (READY + GUILD_CREATE handled).
    // Start-up loads the model and the knowledge: slow on a busy 2-core machine.
    const started = Date.now();
    while (!stderr.includes('discord: connected')) {
      if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}:\n${stderr}`);
      if (Date.now() - started > 100_000) throw new Error(`serve did not connect within 100 s:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await discord.ready(1000);
    startupMs = Date.now() - started;
  }, 120_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await exit;
    }
    await discord?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const inChannel = (channelId: string) => discord.messages.filter((m) => m.channelId === channelId);

  it('answers a mention in a thread with buttons, and continues when one is clicked', async () => {
    const msg = discord.sendMessage({ content: 'help', mentionBot: true });
    await discord.waitForMessage((m) => m.channelId === msg.id, 15_000);
    await discord.waitForQuiet(300);
    expect(discord.threads.map((t) => t.id)).toContain(msg.id);
    const withButtons = inChannel(String(msg.id)).find((m) => discord.buttonsOf(m).length > 0);
    expect(withButtons, 'some reply offers buttons').toBeDefined();
    const asked = withButtons as BotMessage;
    const before = inChannel(String(msg.id)).length;

    const click = discord.clickButton(asked, { index: 0 });
    const update = await discord.waitForInteractionResponse((r) => r.interactionId === click.id, 10_000);
    expect(update.type).toBe(7);
    expect(discord.buttonsOf(asked).every((b) => b.disabled === true)).toBe(true);
    await discord.waitForMessage((m) => m.channelId === msg.id && inChannel(String(msg.id)).indexOf(m) >= before, 10_000);
  });

  it('answers a direct message in the DM', async () => {
    discord.sendMessage({ content: 'hello', dm: true, author: discord.users.bob });
    const reply = await discord.waitForMessage((m) => m.channelId === discord.dmChannelId(discord.users.bob), 10_000);
    expect(reply.content.length).toBeGreaterThan(0);
  });

  it('ignores other bots and repeated messages', async () => {
    await discord.waitForQuiet(200);
    const count = discord.messages.length;
    discord.sendMessage({ content: 'hello bot', mentionBot: true, author: discord.users.otherBot });
    const again = discord.sendMessage({ content: 'hello again', dm: true });
    await discord.waitForMessage((m) => m.channelId === discord.dmChannelId(discord.users.alice), 10_000);
    await discord.waitForQuiet(300);
    const afterFirst = discord.messages.length;
    discord.sendMessage({ content: 'hello again', dm: true, id: String(again.id) });
    discord.sendMessage({ content: 'are you there', dm: true, author: discord.users.bob });
    await discord.waitForMessage((m) => discord.messages.indexOf(m) >= afterFirst && m.channelId === discord.dmChannelId(discord.users.bob), 10_000);
    await discord.waitForQuiet(300);
    // Only the DMs were answered: nothing in reply to the bot, nothing more in Alice's DM.
    expect(discord.messages.slice(count).some((m) => m.channelId === discord.ids.support)).toBe(false);
    expect(discord.messages.slice(afterFirst).some((m) => m.channelId === discord.dmChannelId(discord.users.alice))).toBe(false);
  });

  it('never echoes or stores a pasted card number', async () => {
    const msg = discord.sendMessage({ content: `my card ${CARD} was declined`, mentionBot: true });
    discord.sendMessage({ content: `card ${CARD} exp 12/29`, dm: true, author: discord.users.bob });
    await discord.waitForMessage((m) => m.channelId === msg.id, 15_000);
    await discord.waitForQuiet(400);
    expect(discord.deleted.map((d) => d.messageId)).toContain(msg.id);
    expect(inChannel(String(msg.id)).some((m) => /deleted your message/.test(m.content))).toBe(true);
    expect(JSON.stringify(discord.messages)).not.toMatch(CARD_DIGITS);
    expect(JSON.stringify(discord.rest.filter((c) => c.method !== 'GET').map((c) => c.body))).not.toMatch(CARD_DIGITS);
    const files = readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(path.join(f.parentPath, f.name), 'utf8')).not.toMatch(CARD_DIGITS);
    expect(stderr).not.toMatch(CARD_DIGITS);
  });

  it('shuts down cleanly on SIGTERM, within seconds even while the gateway is unreachable', async () => {
    console.log(`serve: start-up to "discord: connected" took ${startupMs} ms`);
    // The gateway goes away; discord.js keeps reconnecting (which used to keep the process alive).
    const attempts = discord.gatewayAttempts();
    discord.setGatewayDown(true);
    for (const started = Date.now(); discord.gatewayAttempts() < attempts + 2; ) {
      if (Date.now() - started > 15_000) throw new Error('discord.js did not try to reconnect');
      await new Promise((r) => setTimeout(r, 50));
    }
    const t0 = Date.now();
    child.kill('SIGTERM');
    const { code } = await exit;
    expect(code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(discord.gatewayFrames.length).toBeGreaterThan(0);
  });
});
