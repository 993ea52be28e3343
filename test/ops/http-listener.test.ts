import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/logger.js';
import { startHttpListener } from '../../src/ops/http-listener.js';

describe('the ops HTTP listener', () => {
  it('serves its routes by exact path, 404 for anything else, and 500 for a route that fails', async () => {
    const routes = new Map([
      ['/hello', (_req: unknown, res: { end: (s: string) => void }) => res.end('hi')],
      ['/broken', () => Promise.reject(new Error('boom'))],
    ]);
    const listener = await startHttpListener({ routes: routes as never, port: 0, host: '127.0.0.1', logger: silentLogger() });
    try {
      const base = `http://127.0.0.1:${listener.port}`;
      expect(await (await fetch(`${base}/hello?x=1`)).text()).toBe('hi');
      expect((await fetch(`${base}/hello/more`)).status).toBe(404);
      expect((await fetch(`${base}/broken`)).status).toBe(500);
    } finally {
      await listener.close();
    }
  });

  it('names the variable when its port is taken', async () => {
    const first = await startHttpListener({ routes: new Map(), port: 0, host: '127.0.0.1', logger: silentLogger() });
    try {
      const second = startHttpListener({ routes: new Map(), port: first.port, host: '127.0.0.1', logger: silentLogger(), variable: 'HEALTH_PORT' });
      await expect(second).rejects.toBeInstanceOf(ConfigError);
      await expect(second).rejects.toThrow(/^HEALTH_PORT: cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\)/);
    } finally {
      await first.close();
    }
  });
});
