/**
 * Bolt's InstallationStore over the bot's own store (lowdb files or Redis, whichever keeps the
 * conversations), so a workspace installed through /slack/install is remembered across restarts
 * and by every instance. Tokens are kept there and nowhere else: never logged, never in a reply.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../../core/logger.js';
import type { DurableRecords } from '../../core/ports.js';

export const INSTALLATIONS_NAMESPACE = 'slack-installations';

/** What must be there for the bot to work in a workspace; the rest of Bolt's record is kept as it is. */
const storedInstallationSchema = z.looseObject({
  team: z.looseObject({ id: z.string().min(1) }).optional(),
  enterprise: z.looseObject({ id: z.string().min(1) }).optional(),
  isEnterpriseInstall: z.boolean().optional(),
  bot: z.looseObject({ token: z.string().min(1), userId: z.string().min(1), id: z.string().optional() }),
  incomingWebhook: z.looseObject({ channelId: z.string().optional() }).optional(),
});

export interface SlackInstallations extends InstallationStore {
  /** The channel chosen for this workspace's handoff summaries when it installed the app, if any. */
  handoffChannelOf(teamId: string): Promise<string | undefined>;
}

function keyOf(query: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined }): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `enterprise:${query.enterpriseId}`;
  if (query.teamId) return `team:${query.teamId}`;
  throw new Error('a Slack installation needs a team id (or an enterprise id for an org-wide install)');
}

export function createSlackInstallations(records: DurableRecords, logger: Logger): SlackInstallations {
  async function fetch(query: InstallationQuery<boolean>): Promise<z.output<typeof storedInstallationSchema>> {
    const key = keyOf(query);
    const raw = await records.get(key);
    if (raw === undefined) throw new Error(`the app is not installed in Slack workspace ${query.teamId ?? query.enterpriseId ?? '?'} (install it at /slack/install)`);
    const parsed = storedInstallationSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`the stored installation ${key} is unusable (${parsed.error.issues[0]?.message ?? 'invalid'}); install the app again at /slack/install`);
    return parsed.data;
  }
  return {
    async storeInstallation(installation) {
      const key = keyOf({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall });
      if (!storedInstallationSchema.safeParse(installation).success) throw new Error('Slack returned an installation without a bot token: the app must request bot scopes');
      await records.set(key, installation);
      logger.info({ team: installation.team?.id, enterprise: installation.enterprise?.id, handoffChannel: installation.incomingWebhook?.channelId }, 'slack: app installed in a workspace');
    },
    async fetchInstallation(query) {
      return (await fetch(query)) as unknown as Installation<'v1' | 'v2', boolean>;
    },
    async deleteInstallation(query) {
      await records.delete(keyOf(query));
      logger.info({ team: query.teamId, enterprise: query.enterpriseId }, 'slack: installation removed');
    },
    async handoffChannelOf(teamId) {
      try {
        return (await fetch({ teamId, enterpriseId: undefined, isEnterpriseInstall: false })).incomingWebhook?.channelId;
      } catch {
        return undefined;
      }
    },
  };
}
