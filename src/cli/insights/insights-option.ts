import type { Env } from '../../config/env.js';
import type { SupportbotOptions } from '../../index.js';
import type { StoreSpec } from '../../store/open-store.js';

/** Insights are recorded beside conversations that are kept (lowdb, Redis), unless INSIGHTS_RETENTION_DAYS=0. */
export function insightsOption(env: Env, spec: StoreSpec): Pick<SupportbotOptions, 'insights'> {
  if (env.INSIGHTS_RETENTION_DAYS === 0 || spec.kind === 'memory') return {};
  return { insights: { retentionDays: env.INSIGHTS_RETENTION_DAYS } };
}
