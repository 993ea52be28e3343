/**
 * The workspace an event came from: which bot the app is there, the Web API client holding that
 * workspace's token, and where replies and handoff summaries go. One fixed workspace with
 * SLACK_BOT_TOKEN; with OAuth, each installed workspace, from Bolt's per-event authorization.
 */
import { webApi, type Context } from '@slack/bolt';
import { createLruCache } from '../../core/lru-cache.js';
import type { HandoffSummary } from '../../core/types.js';
import type { Logger } from '../../core/logger.js';
import type { ValueSigner } from '../../core/signed-values.js';
import { createBoltLogger } from './bolt-logger.js';
import { createSlackOutbox, type SlackOutbox } from './deliver.js';
import type { SlackClientOptions, SlackIdentity } from './identity.js';
import type { SlackInstallations } from './installation-store.js';
import { createSlackPeople, type SlackPeople } from './people.js';
import { createStaffMembers, type StaffMembers } from './staff-members.js';

export interface SlackWorkspace {
  teamId: string;
  botUserId: string;
  /** The Web API client with this workspace's bot token. */
  client: webApi.WebClient;
  outbox: SlackOutbox;
  /** The members of this workspace's handoff channel: only they may hand a conversation back, or talk to the person through the live agent. */
  staff: StaffMembers;
  /** Where handoff summaries go in this workspace (its members are the support staff). */
  handoffChannel?: string;
  workspaceUrl?: string;
  /** Staff members' display names (the live agent). */
  people: SlackPeople;
}

/** What a Bolt listener gets for the event: Bolt's client and context (both per workspace). */
export interface SlackEventAuth {
  client: webApi.WebClient;
  context: Context;
}

export interface SlackWorkspaces {
  of(auth: SlackEventAuth): Promise<SlackWorkspace>;
  /** A workspace by its team id, outside any event (the live agent's replies); undefined when the app is not installed there. */
  forTeam(teamId: string): Promise<SlackWorkspace | undefined>;
}

/** One workspace, the one SLACK_BOT_TOKEN belongs to. */
export function singleWorkspace(options: {
  client: webApi.WebClient;
  identity: SlackIdentity;
  logger: Logger;
  handoffChannel?: string;
  handBackSigner: ValueSigner;
  openLive?: (summary: HandoffSummary) => Promise<boolean>;
}): SlackWorkspaces {
  const { identity, handBackSigner } = options;
  const workspace: SlackWorkspace = {
    teamId: identity.teamId,
    botUserId: identity.botUserId,
    client: options.client,
    people: createSlackPeople(options.client, options.logger),
    ...(options.handoffChannel ? { handoffChannel: options.handoffChannel } : {}),
    ...(identity.workspaceUrl ? { workspaceUrl: identity.workspaceUrl } : {}),
    outbox: createSlackOutbox({
      client: options.client,
      logger: options.logger,
      ...(options.handoffChannel ? { handoffChannel: options.handoffChannel } : {}),
      ...(identity.workspaceUrl ? { workspaceUrl: identity.workspaceUrl } : {}),
      handBackSigner,
      ...(options.openLive ? { openLive: options.openLive } : {}),
    }),
    staff: createStaffMembers(options.client, options.handoffChannel, options.logger),
  };
  return { of: async () => workspace, forTeam: async (teamId) => (teamId === identity.teamId ? workspace : undefined) };
}

/**
 * Every workspace that installed the app. The handoff channel is the one chosen on Slack's install
 * screen (incoming-webhook), and the workspace's address comes from one auth.test; both are kept a
 * few minutes, so a reinstall that picks another channel is followed without a restart.
 */
export function installedWorkspaces(options: {
  installations: SlackInstallations;
  logger: Logger;
  handBackSigner: ValueSigner;
  clientOptions?: SlackClientOptions;
  openLive?: (summary: HandoffSummary) => Promise<boolean>;
}): SlackWorkspaces {
  const { installations, logger, handBackSigner } = options;
  // Who is in each workspace's handoff channel, read at most once a minute per workspace and channel.
  const staffOf = createLruCache<StaffMembers>({ maxEntries: 10_000 });
  const known = createLruCache<Promise<{ handoffChannel?: string; workspaceUrl?: string }>>({ maxEntries: 10_000, ttlMs: 5 * 60_000 });
  const people = createLruCache<SlackPeople>({ maxEntries: 10_000, ttlMs: 60 * 60_000 });
  const clients = createLruCache<webApi.WebClient>({ maxEntries: 10_000, ttlMs: 5 * 60_000 });

  function peopleOf(teamId: string, client: webApi.WebClient): SlackPeople {
    let found = people.get(teamId);
    if (!found) {
      found = createSlackPeople(client, logger);
      people.set(teamId, found);
    }
    return found;
  }

  async function workspace(teamId: string, botUserId: string, client: webApi.WebClient): Promise<SlackWorkspace> {
    const about = await describe(teamId, client);
    const noChannelHint = `workspace ${teamId} chose no channel for the app when it installed it (install again at /slack/install to pick one)`;
    const staffKey = `${teamId}:${about.handoffChannel ?? ''}`;
    let staff = staffOf.get(staffKey);
    if (!staff) staffOf.set(staffKey, (staff = createStaffMembers(client, about.handoffChannel, logger)));
    const outbox = createSlackOutbox({ client, logger, noChannelHint, handBackSigner, ...about, ...(options.openLive ? { openLive: options.openLive } : {}) });
    return { teamId, botUserId, client, staff, people: peopleOf(teamId, client), ...about, outbox };
  }

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
      return workspace(context.teamId ?? context.enterpriseId ?? '', context.botUserId ?? '', client);
    },
    async forTeam(teamId) {
      try {
        const installation = await installations.fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
        const token = installation.bot?.token;
        if (!token) return undefined;
        let client = clients.get(teamId);
        if (!client) {
          client = new webApi.WebClient(token, { ...options.clientOptions, logger: createBoltLogger(logger) });
          clients.set(teamId, client);
        }
        return await workspace(teamId, installation.bot?.userId ?? '', client);
      } catch (error) {
        logger.warn({ team: teamId, err: String(error) }, 'slack: no installation for a workspace the live agent must reach');
        return undefined;
      }
    },
  };
}
