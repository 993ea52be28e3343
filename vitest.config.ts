import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit`: pure functions and in-process parts (no sockets, no child processes).
 * `e2e`: the real Bolt and discord.js against the fakes, transcripts on every channel, the built
 * CLI in child processes, and Redis; it compiles dist/ first when the sources are newer, and starts
 * a throwaway redis-server when REDIS_URL is unset and one is installed (test/support/own-redis.ts).
 */
const E2E = [
  'test/e2e/**/*.test.ts',
  'test/adapters/reply-order.test.ts',
  'test/adapters/privacy-notice.test.ts',
  'test/adapters/slack/app.test.ts',
  'test/adapters/slack/owner-check.test.ts',
  'test/adapters/slack/hand-back.test.ts',
  'test/adapters/slack/request-guard.test.ts',
  'test/adapters/slack/start.test.ts',
  'test/adapters/slack/serve.test.ts',
  'test/adapters/discord/app.test.ts',
  'test/adapters/discord/stop.test.ts',
  'test/adapters/discord/owner-check.test.ts',
  'test/adapters/discord/hand-back.test.ts',
  'test/adapters/*/live-agent*.test.ts',
  'test/adapters/discord/login-errors.test.ts',
  'test/adapters/discord/register-commands.test.ts',
  'test/adapters/discord/serve.test.ts',
  'test/adapters/discord/startup-checks.test.ts',
  'test/adapters/slack/oauth.test.ts',
  'test/ops/http-listener.test.ts',
  'test/deploy/start-command.test.ts',
  'test/deploy/startup-failures.test.ts',
  'test/deploy/slack-oauth-serve.test.ts',
  'test/transcripts/replay-on-every-channel.test.ts',
  'test/config/data-dir.test.ts',
  'test/store/lowdb-crash.test.ts',
  'test/store/lowdb-full-disk.test.ts',
  'test/store/owner-lock.test.ts',
  'test/store/redis-*.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: E2E, isolate: false } },
      { extends: true, test: { name: 'e2e', include: E2E, isolate: false, globalSetup: ['./test/support/build-dist.ts', './test/support/own-redis.ts'] } },
    ],
  },
});
