import type { App } from '@slack/bolt';
import type { ConversationOwners } from '../../../core/conversation-owners.js';
import type { ConversationRunner } from '../../../core/conversation-runner.js';
import type { ErrorBoundary } from '../../../core/error-boundary.js';
import type { LiveAgent } from '../../../core/live-agent/live-agent.js';
import type { Logger } from '../../../core/logger.js';
import type { ValueSigner } from '../../../core/signed-values.js';
import type { ThreadMemory } from '../thread-memory.js';
import type { SlackWorkspaces } from '../workspaces.js';

/** What every Slack listener gets: the core's runner, and the workspace of each event (who the bot is there, where to post). */
export interface SlackListenerContext {
  app: App;
  runner: ConversationRunner;
  workspaces: SlackWorkspaces;
  boundary: ErrorBoundary;
  threads: ThreadMemory;
  /** Who started each conversation: only they drive it. */
  owners: ConversationOwners;
  /** Checks the conversation key on a "Hand back to the bot" button. */
  handBackSigner: ValueSigner;
  logger: Logger;
  /** The live agent, when staff answer from a thread on the summary (LIVE_AGENT, on by default). */
  live?: LiveAgent;
  /** e.g. /alipay-help */
  slashCommand: string;
  now: () => number;
}
