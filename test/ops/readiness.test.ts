import { describe, expect, it } from 'vitest';
import { adapterCheck, createReadiness, storeCheck } from '../../src/ops/readiness.js';
import { opsRoutes } from '../../src/ops/ops-routes.js';
import type { AdapterStatus } from '../../src/core/adapter.js';

describe('readiness', () => {
  it('is not ready until every expected part is registered and ready', async () => {
    const readiness = createReadiness();
    readiness.expect('model');
    readiness.expect('discord');
    expect(await readiness.report()).toEqual({ ready: false, checks: { model: { ok: false, detail: 'starting' }, discord: { ok: false, detail: 'starting' } } });
    readiness.set('model', () => ({ ok: true }));
    let status: AdapterStatus = { state: 'starting', since: 0 };
    readiness.set('discord', adapterCheck({ status: () => status }));
    expect((await readiness.report()).ready).toBe(false);
    status = { state: 'ready', since: 1 };
    expect(await readiness.report()).toEqual({ ready: true, checks: { model: { ok: true }, discord: { ok: true } } });
    status = { state: 'reconnecting', since: 2, detail: 'gateway closed' };
    expect((await readiness.report()).checks.discord).toEqual({ ok: false, detail: 'reconnecting: gateway closed' });
  });

  it('fails a check that throws or does not answer in time, with the reason', async () => {
    const readiness = createReadiness(50);
    readiness.set('store', storeCheck({ ping: () => Promise.reject(new Error('redis at redis://r:6379/ is unavailable')) }));
    readiness.set('slow', () => new Promise(() => undefined));
    const report = await readiness.report();
    expect(report.ready).toBe(false);
    expect(report.checks.store).toEqual({ ok: false, detail: 'redis at redis://r:6379/ is unavailable' });
    expect(report.checks.slow).toEqual({ ok: false, detail: 'no answer within 50 ms' });
  });

  it('is never ready with nothing to check', async () => {
    expect((await createReadiness().report()).ready).toBe(false);
  });

  it('serves /healthz, /readyz and /metrics for GET only', () => {
    const routes = opsRoutes({ readiness: createReadiness() });
    expect([...routes.keys()]).toEqual(['/healthz', '/readyz']);
    let status = 0;
    const res = { writeHead: (s: number) => ((status = s), res), end: () => res } as never;
    void routes.get('/healthz')!({ method: 'POST' } as never, res);
    expect(status).toBe(405);
  });
});
