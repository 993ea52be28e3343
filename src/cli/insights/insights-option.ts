import type { Env } from '../../config/env.js';
import type { Logger } from '../../core/logger.js';
import type { SupportbotOptions } from '../../index.js';
import { openInsightsStore } from '../../store/insights/open-insights.js';
import type { StoreSpec } from '../../store/open-store.js';

/** Insights are recorded beside conversations that are kept (lowdb, Redis), unless INSIGHTS_RETENTION_DAYS=0. */
export function insightsOption(env: Env, spec: StoreSpec): Pick<SupportbotOptions, 'insights'> {
  if (env.INSIGHTS_RETENTION_DAYS === 0 || spec.kind === 'memory') return {};
  return { insights: { retentionDays: env.INSIGHTS_RETENTION_DAYS } };
}

/** The same, for a bot given an opened store (serve): the insights store is opened here, from the spec. */
export async function insightsStoreOption(env: Env, spec: StoreSpec, logger: Logger): Promise<Pick<SupportbotOptions, 'insights'>> {
  if (env.INSIGHTS_RETENTION_DAYS === 0 || spec.kind === 'memory') return {};
  return { insights: { retentionDays: env.INSIGHTS_RETENTION_DAYS, store: await openInsightsStore(spec, { logger }) } };
}
