import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insightsRoutes } from '../../src/cli/insights/serve-insights.js';
import { parseEnv } from '../../src/config/env.js';
import { createInsightsHandler } from '../../src/insights/http-handler.js';
import type { IntentClassifier } from '../../src/core/ports.js';
import { silentLogger } from '../../src/core/logger.js';

const TOKEN = 'a-long-enough-insights-token';

describe('/insights over HTTP', () => {
  let server: Server;
  let base: string;
  const built: string[] = [];

  beforeAll(async () => {
    const handler = createInsightsHandler({
      token: TOKEN,
      buildPage: async (since) => {
        built.push(since);
        return `<html>report for ${since}</html>`;
      },
    });
    server = createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers 401, with a basic-auth challenge and nothing of the report, without the token', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-token' }, { authorization: `Basic ${Buffer.from(`x:${TOKEN}x`).toString('base64')}` }, { authorization: TOKEN }]) {
      const res = await fetch(`${base}/insights`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Basic');
      expect(await res.text()).not.toContain('report');
    }
    expect(built).toEqual([]);
  });

  it('serves the page with the token, as a bearer token or a basic-auth password, built once a minute', async () => {
    const bearer = await fetch(`${base}/insights?since=30d`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(bearer.status).toBe(200);
    expect(await bearer.text()).toBe('<html>report for 30d</html>');
    const basic = await fetch(`${base}/insights?since=30d`, { headers: { authorization: `Basic ${Buffer.from(`anyone:${TOKEN}`).toString('base64')}` } });
    expect(basic.status).toBe(200);
    expect(built).toEqual(['30d']);
  });

  it('refuses other paths, methods and periods', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    expect((await fetch(`${base}/other`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${base}/insights`, { method: 'POST', headers: auth })).status).toBe(405);
    expect((await fetch(`${base}/insights?since=forever`, { headers: auth })).status).toBe(400);
  });

  it('does not exist at all when INSIGHTS_TOKEN is not set, and refuses a short token', () => {
    const nlu = { parse: () => ({}) } as unknown as IntentClassifier;
    expect(insightsRoutes(parseEnv({}), { kind: 'memory' }, () => nlu, silentLogger()).size).toBe(0);
    expect([...insightsRoutes(parseEnv({ INSIGHTS_TOKEN: TOKEN }), { kind: 'memory' }, () => nlu, silentLogger()).keys()]).toEqual(['/insights']);
    expect(() => parseEnv({ INSIGHTS_TOKEN: 'short' })).toThrow(/INSIGHTS_TOKEN/);
    expect(() => parseEnv({ INSIGHTS_RETENTION_DAYS: '-1' })).toThrow(/INSIGHTS_RETENTION_DAYS/);
  });
});
