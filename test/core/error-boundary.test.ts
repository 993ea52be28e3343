import { describe, expect, it } from 'vitest';
import { AdapterError, createErrorBoundary } from '../../src/core/error-boundary.js';
import { createEventBus } from '../../src/core/event-bus.js';
import type { RunnerEvents } from '../../src/core/runner-events.js';
import { createCaptureLogger } from './capture-logger.js';

describe('an adapter’s error boundary', () => {
  it('catches what a listener throws, with the listener and ids, and never rejects', async () => {
    const { logger, records } = createCaptureLogger();
    const boundary = createErrorBoundary('slack', logger);
    const listener = boundary.wrap('message', async (_id: string) => Promise.reject(new Error('boom')), (id) => ({ eventId: id }));
    await expect(listener('Ev1')).resolves.toBeUndefined();
    expect(records().find((r) => r.msg === 'slack: listener failed')).toMatchObject({ level: 50, listener: 'message', eventId: 'Ev1', err: 'slack message listener failed: boom' });
  });

  it('hands errors to the one handler set with catch(), and reports them as runner events', async () => {
    const { logger } = createCaptureLogger();
    const events = createEventBus<RunnerEvents>(logger);
    const seen: RunnerEvents['error'][] = [];
    events.on('error', (e) => seen.push(e));
    const boundary = createErrorBoundary('discord', logger, events);
    const caught: AdapterError[] = [];
    boundary.catch((error) => void caught.push(error));
    await boundary.wrap('interaction', async () => Promise.reject(new TypeError('bad payload')))();
    await boundary.report('client', new Error('gateway hiccup'), { shard: 0 });
    expect(caught.map((e) => [e.adapter, e.listener, (e.error as Error).message, e.context])).toEqual([
      ['discord', 'interaction', 'bad payload', {}],
      ['discord', 'client', 'gateway hiccup', { shard: 0 }],
    ]);
    expect(caught[0]).toBeInstanceOf(AdapterError);
    expect(seen.map((e) => [e.stage, e.adapter, e.listener])).toEqual([
      ['listener', 'discord', 'interaction'],
      ['listener', 'discord', 'client'],
    ]);
  });

  it('survives a handler that throws itself', async () => {
    const { logger, records } = createCaptureLogger();
    const boundary = createErrorBoundary('slack', logger);
    boundary.catch(() => {
      throw new Error('handler broke');
    });
    await expect(boundary.wrap('x', async () => Promise.reject(new Error('first')))()).resolves.toBeUndefined();
    expect(records().some((r) => r.msg === 'slack: error handler failed')).toBe(true);
  });

  it('is idle only when every wrapped listener has finished', async () => {
    const { logger } = createCaptureLogger();
    const boundary = createErrorBoundary('slack', logger);
    let done = false;
    void boundary.wrap('slow', async () => {
      await new Promise((r) => setTimeout(r, 30));
      done = true;
    })();
    await boundary.idle();
    expect(done).toBe(true);
  });
});

describe('the runner’s event bus', () => {
  it('delivers to every subscriber in order until they unsubscribe', () => {
    const { logger } = createCaptureLogger();
    const bus = createEventBus<{ ping: number }>(logger);
    const got: string[] = [];
    const off = bus.on('ping', (n) => got.push(`a${n}`));
    bus.on('ping', (n) => got.push(`b${n}`));
    bus.emit('ping', 1);
    off();
    bus.emit('ping', 2);
    expect(got).toEqual(['a1', 'b1', 'b2']);
  });
});
