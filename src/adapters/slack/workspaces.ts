/**
 * The workspace an event came from: which bot the app is there, the Web API client holding that
 * workspace's token, and where replies and handoff summaries go. One fixed workspace with
 * SLACK_BOT_TOKEN; with OAuth, each installed workspace, from Bolt's per-event authorization.
 */
import type { Context, webApi } from '@slack/bolt';
import { createLruCache } from '../../core/lru-cache.js';
import type { Logger } from '../../core/logger.js';
import type { ValueSigner } from '../../core/signed-values.js';
import { createSlackOutbox, type SlackOutbox } from './deliver.js';
import type { SlackIdentity } from './identity.js';
import type { SlackInstallations } from './installation-store.js';
import { createStaffMembers, type StaffMembers } from './staff-members.js';

export interface SlackWorkspace {
  teamId: string;
  botUserId: string;
  /** The Web API client with this workspace's bot token. */
  client: webApi.WebClient;
  outbox: SlackOutbox;
  /** The members of this workspace's handoff channel: only they may hand a conversation back. */
  staff: StaffMembers;
}

/** What a Bolt listener gets for the event: Bolt's client and context (both per workspace). */
export interface SlackEventAuth {
  client: webApi.WebClient;
  context: Context;
}

export interface SlackWorkspaces {
  of(auth: SlackEventAuth): Promise<SlackWorkspace>;
}

/** One workspace, the one SLACK_BOT_TOKEN belongs to. */
export function singleWorkspace(options: { client: webApi.WebClient; identity: SlackIdentity; logger: Logger; handoffChannel?: string; handBackSigner: ValueSigner }): SlackWorkspaces {
  const { identity, handBackSigner } = options;
  const workspace: SlackWorkspace = {
    teamId: identity.teamId,
    botUserId: identity.botUserId,
    client: options.client,
    outbox: createSlackOutbox({
      client: options.client,
      logger: options.logger,
      ...(options.handoffChannel ? { handoffChannel: options.handoffChannel } : {}),
      ...(identity.workspaceUrl ? { workspaceUrl: identity.workspaceUrl } : {}),
      handBackSigner,
    }),
    staff: createStaffMembers(options.client, options.handoffChannel, options.logger),
  };
  return { of: async () => workspace };
}

/**
 * Every workspace that installed the app. The handoff channel is the one chosen on Slack's install
 * screen (incoming-webhook), and the workspace's address comes from one auth.test; both are kept a
 * few minutes, so a reinstall that picks another channel is followed without a restart.
 */
export function installedWorkspaces(options: { installations: SlackInstallations; logger: Logger; handBackSigner: ValueSigner }): SlackWorkspaces {
  const { installations, logger, handBackSigner } = options;
  // Who is in each workspace's handoff channel, read at most once a minute per workspace and channel.
  const staffOf = createLruCache<StaffMembers>({ maxEntries: 10_000 });
  const known = createLruCache<Promise<{ handoffChannel?: string; workspaceUrl?: string }>>({ maxEntries: 10_000, ttlMs: 5 * 60_000 });

  function describe(teamId: string, client: webApi.WebClient): Promise<{ handoffChannel?: string; workspaceUrl?: string }> {
    let found = known.get(teamId);
    if (!found) {
      found = (async () => {
        const handoffChannel = await installations.handoffChannelOf(teamId);
        const url = await client.auth
          .test()
          .then((r) => (typeof r.url === 'string' && URL.canParse(r.url) ? r.url : undefined))
          .catch(() => undefined);
        return { ...(handoffChannel ? { handoffChannel } : {}), ...(url ? { workspaceUrl: url } : {}) };
      })();
      known.set(teamId, found);
    }
    return found;
  }

  return {
    async of({ client, context }) {
      const teamId = context.teamId ?? context.enterpriseId ?? '';
      const botUserId = context.botUserId ?? '';
      const about = await describe(teamId, client);
      const noChannelHint = `workspace ${teamId} chose no channel for the app when it installed it (install again at /slack/install to pick one)`;
      const staffKey = `${teamId}:${about.handoffChannel ?? ''}`;
      let staff = staffOf.get(staffKey);
      if (!staff) staffOf.set(staffKey, (staff = createStaffMembers(client, about.handoffChannel, logger)));
      return { teamId, botUserId, client, outbox: createSlackOutbox({ client, logger, noChannelHint, handBackSigner, ...about }), staff };
    },
  };
}
