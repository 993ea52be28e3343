import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/core/rate-limiter.js';

describe('the rate limiter', () => {
  it('allows the limit within a window, refuses the next, and allows again once the oldest turn leaves the window', () => {
    let t = 0;
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: () => t });
    expect([limiter.take('u'), limiter.take('u'), limiter.take('u'), limiter.take('u')]).toEqual([true, true, true, false]);
    t = 59_999;
    expect(limiter.take('u')).toBe(false);
    t = 60_000;
    expect([limiter.take('u'), limiter.take('u'), limiter.take('u'), limiter.take('u')]).toEqual([true, true, true, false]);
  });

  it('counts each key on its own', () => {
    const limiter = createRateLimiter({ limit: 1, now: () => 0 });
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('b')).toBe(true);
    expect(limiter.take('a')).toBe(false);
  });

  it('does not count refused turns, so someone who keeps trying is served after a pause', () => {
    let t = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 1_000, now: () => t });
    limiter.take('u');
    limiter.take('u');
    for (t = 100; t < 1_000; t += 100) expect(limiter.take('u')).toBe(false);
    t = 1_000;
    expect(limiter.take('u')).toBe(true);
  });

  it('slides: a burst at the end of one minute still counts at the start of the next', () => {
    let t = 50_000;
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: () => t });
    limiter.take('u');
    limiter.take('u');
    t = 61_000;
    expect(limiter.take('u')).toBe(false);
  });

  it('refuses a limit that is not a whole number above 0', () => {
    expect(() => createRateLimiter({ limit: 0 })).toThrow(RangeError);
    expect(() => createRateLimiter({ limit: 1.5 })).toThrow(RangeError);
  });
});
