/**
 * The container's start command (the Dockerfile's CMD, with compose.yaml's settings) run here,
 * with a real redis-server, the fake Slack (Socket Mode) and the fake Discord: it serves the bot,
 * /readyz turns ready only when every part is, and /metrics counts the conversation's turns.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.js';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.js';
import { dmChannelOf, dmMessage, SLACK_IDS } from '../fakes/slack-payloads.js';
import { freePort, hasRedisServer, noteSkipped, ownRedis, type OwnRedis } from '../store/redis-helpers.js';
import { get, serveProcess, until, type Served } from '../support/served.js';
import { composeDefault, envOf, execForm, readCompose, readDockerfile } from './container-files.js';

if (!hasRedisServer) noteSkipped('the container start command test', 'redis-server is not installed');

const runtime = readDockerfile().stages.at(-1)!;
const startCommand = execForm(runtime.instructions.filter((i) => i.keyword === 'CMD').at(-1)!.args);
const composed = Object.fromEntries(Object.entries(readCompose().services.bot!.environment ?? {}).map(([k, v]) => [k, composeDefault(String(v))]));

interface Readyz {
  ready: boolean;
  checks: Record<string, { ok: boolean; detail?: string }>;
}

describe.skipIf(!hasRedisServer)("the image's start command, run here with Redis", () => {
  let redis: OwnRedis;
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let bot: Served;
  let base: string;
  const readyz = async () => {
    const res = await get(`${base}/readyz`);
    return { status: res.status, report: res.body ? (JSON.parse(res.body) as Readyz) : undefined };
  };

  beforeAll(async () => {
    redis = ownRedis(await freePort());
    await redis.start();
    slack = await startFakeSlack({ socketMode: true, botToken: 'xoxb-image-test' });
    discord = await startFakeDiscord({ token: 'image-test', holdReady: true });
    // The image's environment, then compose's, then what points it at this machine's services.
    bot = serveProcess(startCommand, {
      ...envOf(runtime.instructions),
      ...composed,
      DATA_DIR: '/nonexistent-unused-with-redis',
      REDIS_URL: redis.url,
      HOST: '127.0.0.1',
      HEALTH_PORT: '0',
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: 'xoxb-image-test',
      SLACK_APP_TOKEN: 'xapp-1-image-test',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: 'image-test',
      DISCORD_API_URL: discord.apiUrl,
    });
    const listening = await bot.waitForLog((l) => l.msg === 'health and metrics listening');
    base = `http://127.0.0.1:${String(listening.port)}`;
  }, 90_000);

  afterAll(async () => {
    await bot?.stop();
    await discord?.stop();
    await slack?.stop();
    await redis?.stop();
  });

  it('is live at once, and not ready while the Discord gateway has not answered', async () => {
    expect((await get(`${base}/healthz`)).status).toBe(200);
    await discord.identified(60_000);
    const { status, report } = await readyz();
    expect(status).toBe(503);
    expect(report?.ready).toBe(false);
    expect(report?.checks.discord).toMatchObject({ ok: false, detail: 'starting' });
    expect(report?.checks.store?.ok).toBe(true);
    expect(report?.checks.model?.ok).toBe(true);
  }, 70_000);

  it('turns ready once the gateway answers: model, store, Slack and Discord all ready', async () => {
    discord.releaseReady();
    await until(async () => (await readyz()).status === 200, 20_000, '/readyz 200');
    const { report } = await readyz();
    expect(Object.keys(report!.checks).sort()).toEqual(['discord', 'model', 'slack', 'store']);
    expect(Object.values(report!.checks).every((c) => c.ok)).toBe(true);
  }, 30_000);

  it('serves the bot on both platforms, and /metrics counts the turns', async () => {
    await slack.waitForConnection();
    await slack.sendEvent(dmMessage({ text: 'my card was declined', user: SLACK_IDS.alice }));
    await slack.waitForPost((p) => p.channel === dmChannelOf(SLACK_IDS.alice), { timeoutMs: 10_000 });
    discord.sendMessage({ content: 'how do I link my visa card', dm: true, author: discord.users.bob });
    await discord.waitForMessage((m) => m.channelId === discord.dmChannelId(discord.users.bob), 10_000);
    await discord.waitForQuiet(300);
    const before = discord.messages.length;
    discord.sendMessage({ content: 'thanks', dm: true, author: discord.users.bob });
    await discord.waitForMessage((m) => discord.messages.indexOf(m) >= before && m.channelId === discord.dmChannelId(discord.users.bob), 10_000);

    const metrics = await get(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    const value = (line: RegExp) => Number(metrics.body.split('\n').find((l) => line.test(l))?.split(' ').at(-1) ?? NaN);
    expect(value(/^supportbot_turns_total\{platform="slack",kind="text"\}/)).toBe(1);
    expect(value(/^supportbot_turns_total\{platform="discord",kind="text"\}/)).toBe(2);
    expect(value(/^supportbot_turn_duration_seconds_count\{platform="discord"\}/)).toBe(2);
    expect(value(/^supportbot_intents_total\{intent="payment_declined"\}/)).toBeGreaterThanOrEqual(1);
    // Three turns, and the owner of each of the two new conversations (only the owner drives one).
    expect(value(/^supportbot_store_operation_duration_seconds_count\{operation="put",outcome="ok"\}/)).toBe(5);
    expect(value(/^supportbot_adapter_up\{adapter="discord"\}/)).toBe(1);
    expect(metrics.body).toMatch(/^supportbot_process_resident_memory_bytes \d+/m);
    // The per-person rate limit is counted in Redis, shared by every instance.
    const client = new Redis(redis.url);
    expect((await client.keys('supportbot:rate:*')).sort()).toEqual([`supportbot:rate:discord:${discord.users.bob.id}`, `supportbot:rate:slack:${SLACK_IDS.alice}`]);
    client.disconnect();
  }, 30_000);

  it('is not ready while Redis is down, and ready again once it is back', async () => {
    await redis.stop();
    await until(async () => (await readyz()).status === 503, 10_000, '/readyz 503 with Redis down');
    expect((await readyz()).report?.checks.store?.ok).toBe(false);
    expect((await get(`${base}/healthz`)).status).toBe(200);
    await redis.start();
    await until(async () => (await readyz()).status === 200, 15_000, '/readyz 200 with Redis back');
  }, 40_000);

  it('stops cleanly on SIGTERM', async () => {
    expect(await bot.stop()).toBe(0);
    expect(bot.stderr()).toContain('slack adapter stopped');
    expect(bot.stderr()).toContain('discord adapter stopped');
  }, 20_000);
});
