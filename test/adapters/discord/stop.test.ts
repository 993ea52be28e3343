/**
 * Finding 9 (Discord): SIGTERM did not end `serve` while the gateway was unreachable, because
 * discord.js went on reconnecting after client.destroy(). The real discord.js against the fake
 * Discord with its gateway taken down (REST still up).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../../src/adapters/discord/index.js';
import { createConversationRunner } from '../../../src/core/conversation-runner.js';
import { silentLogger } from '../../../src/core/logger.js';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/fake-discord.js';
import { createFakePipeline } from './fake-pipeline.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

describe('stopping the Discord adapter while the gateway is unreachable', () => {
  let discord: FakeDiscord | undefined;
  let app: DiscordAdapter | undefined;
  afterAll(async () => {
    await app?.stop();
    await discord?.stop();
  });

  it('stops within seconds and never connects again', async () => {
    discord = await startFakeDiscord({ token: 'stop-token' });
    app = createDiscordAdapter({ runner: createConversationRunner({ pipeline: createFakePipeline() }), token: 'stop-token', apiUrl: discord.apiUrl, logger: silentLogger() });
    await app.start();
    const fake = discord;
    const connected = fake.gatewayAttempts();
    fake.setGatewayDown(true);
    // discord.js notices and keeps trying (every half second or so).
    await until(() => fake.gatewayAttempts() >= connected + 2, 15_000, 'reconnect attempts');
    const started = Date.now();
    await app.stop();
    expect(Date.now() - started).toBeLessThan(5_000);
    const attempts = fake.gatewayAttempts();
    await sleep(2_500);
    expect(fake.gatewayAttempts() - attempts, 'connection attempts after stop()').toBe(0);
    expect(app.status().state).toBe('stopped');
  }, 40_000);
});
