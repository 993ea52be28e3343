import { describe, expect, it } from 'vitest';
import { trackAdapterStatus } from '../../src/core/adapter.js';
import { createEventBus } from '../../src/core/event-bus.js';
import type { RunnerEvents } from '../../src/core/runner-events.js';
import { silentLogger } from '../../src/core/logger.js';

describe('an adapter’s status', () => {
  it('starts stopped, and announces each change once, with the time and detail', () => {
    const events = createEventBus<RunnerEvents>(silentLogger());
    const seen: RunnerEvents['adapter:status'][] = [];
    events.on('adapter:status', (e) => seen.push(e));
    let clock = 100;
    const status = trackAdapterStatus('discord', events, () => clock);
    expect(status.get()).toEqual({ state: 'stopped', since: 100 });
    clock = 200;
    status.set('starting');
    status.set('starting');
    clock = 300;
    status.set('failed', 'DISCORD_TOKEN: Discord rejected the token');
    expect(seen).toEqual([
      { adapter: 'discord', status: { state: 'starting', since: 200 } },
      { adapter: 'discord', status: { state: 'failed', since: 300, detail: 'DISCORD_TOKEN: Discord rejected the token' } },
    ]);
    expect(status.get().state).toBe('failed');
  });
});
