/**
 * How staff are named to the person in a Slack workspace, for the live agent: their display name
 * (users.info, with users:read), cached a little. A failure to look up gives no name (the live
 * agent then says "Support"). Who counts as staff is staff-members.ts's job.
 */
import type { webApi } from '@slack/bolt';
import { createLruCache } from '../../core/lru-cache.js';
import type { Logger } from '../../core/logger.js';
import { errorText } from './errors.js';

export interface SlackPeople {
  /** Their display name; undefined when Slack would not say. */
  displayName(userId: string): Promise<string | undefined>;
}

const NAMES_FRESH_MS = 10 * 60_000;

export function createSlackPeople(client: webApi.WebClient, logger: Logger, now: () => number = Date.now): SlackPeople {
  const names = createLruCache<string>({ maxEntries: 5000, ttlMs: NAMES_FRESH_MS, now });
  return {
    async displayName(userId) {
      const cached = names.get(userId);
      if (cached) return cached;
      try {
        const info = (await client.users.info({ user: userId })) as { user?: { name?: string; real_name?: string; profile?: { display_name?: string; real_name?: string } } };
        const user = info.user;
        const name = user?.profile?.display_name || user?.profile?.real_name || user?.real_name || user?.name;
        if (name) names.set(userId, name);
        return name;
      } catch (error) {
        logger.warn({ err: errorText(error) }, 'slack: could not look up a name (needs users:read)');
        return undefined;
      }
    },
  };
}
