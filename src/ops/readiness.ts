/**
 * Readiness: the bot is ready when every part it needs is: the model and knowledge loaded, the
 * store answering, every adapter connected. Parts register as the start-up reaches them; a part
 * not yet registered is reported as pending, so /readyz says what the start is waiting for.
 */
import type { Adapter } from '../core/adapter.js';

export interface CheckResult {
  ok: boolean;
  detail?: string;
}

export type Check = () => CheckResult | Promise<CheckResult>;

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, CheckResult>;
}

export interface Readiness {
  /** A part the bot waits for; `check` is unset until the part exists (pending). */
  expect(name: string): void;
  set(name: string, check: Check): void;
  report(): Promise<ReadinessReport>;
}

/** How long one check may take before it counts as failed (a frozen Redis must not hang the probe). */
const CHECK_TIMEOUT_MS = 1000;

export function createReadiness(timeoutMs = CHECK_TIMEOUT_MS): Readiness {
  const checks = new Map<string, Check | undefined>();
  async function run(check: Check | undefined): Promise<CheckResult> {
    if (!check) return { ok: false, detail: 'starting' };
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        Promise.resolve().then(check),
        new Promise<CheckResult>((resolve) => (timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${timeoutMs} ms` }), timeoutMs))),
      ]);
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }
  return {
    expect(name) {
      if (!checks.has(name)) checks.set(name, undefined);
    },
    set(name, check) {
      checks.set(name, check);
    },
    async report() {
      const entries = await Promise.all([...checks].map(async ([name, check]) => [name, await run(check)] as const));
      return { ready: entries.length > 0 && entries.every(([, r]) => r.ok), checks: Object.fromEntries(entries) };
    },
  };
}

/** An adapter is ready while its platform connection is up. */
export function adapterCheck(adapter: Pick<Adapter, 'status'>): Check {
  return () => {
    const { state, detail } = adapter.status();
    return state === 'ready' ? { ok: true } : { ok: false, detail: detail ? `${state}: ${detail}` : state };
  };
}

/** The store is ready when it answers a ping. */
export function storeCheck(store: { ping?: () => Promise<void> }): Check {
  return async () => {
    await store.ping?.();
    return { ok: true };
  };
}
