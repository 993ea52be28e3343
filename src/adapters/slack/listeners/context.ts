import type { App } from '@slack/bolt';
import type { ConversationRunner } from '../../../core/conversation-runner.js';
import type { ErrorBoundary } from '../../../core/error-boundary.js';
import type { Logger } from '../../../core/logger.js';
import type { SlackOutbox } from '../deliver.js';
import type { SlackIdentity } from '../identity.js';
import type { ThreadMemory } from '../thread-memory.js';

/** What every Slack listener gets: the core's runner, where to post, and who the bot is. */
export interface SlackListenerContext {
  app: App;
  runner: ConversationRunner;
  outbox: SlackOutbox;
  boundary: ErrorBoundary;
  identity: SlackIdentity;
  threads: ThreadMemory;
  logger: Logger;
  /** e.g. /alipay-help */
  slashCommand: string;
  now: () => number;
}
