/**
 * Slack's side of a turn's delivery: Reply[] → Block Kit messages in a DM or a thread, handoff
 * summaries to the staff channel, and the clicked message updated in place.
 */
import type { types, webApi } from '@slack/bolt';
import type { TurnDelivery } from '../../core/conversation-runner.js';
import type { Logger } from '../../core/logger.js';
import type { ValueSigner } from '../../core/signed-values.js';
import type { HandoffSummary } from '../../core/types.js';
import { isDirectChannel, parseConversationKey } from './conversation-key.js';
import { errorText } from './errors.js';
import type { SlackBlock } from './payload-schemas.js';
import { renderHandoffSummary, renderReply, type SlackMessage } from './render.js';

/** Where a reply goes: a channel, and a thread in it when there is one. */
export interface SlackTarget {
  channel: string;
  threadTs?: string;
}

export interface SlackOutboxOptions {
  client: webApi.WebClient;
  logger: Logger;
  /** Channel id for handoff summaries; without it a handoff is only logged. */
  handoffChannel?: string;
  /** What the log says to do when there is no handoff channel (default: set SLACK_HANDOFF_CHANNEL). */
  noChannelHint?: string;
  workspaceUrl?: string;
  /** Signs the conversation key on the summary's "Hand back to the bot" button. */
  handBackSigner: ValueSigner;
  /**
   * The live agent's way to tell staff (the summary with its controls and a staff thread); without
   * it the summary is posted with only "Hand back to the bot".
   */
  openLive?: (summary: HandoffSummary) => Promise<boolean>;
}

export interface SlackOutbox {
  /** The runner's TurnDelivery for a conversation at `target`; `before` runs first (e.g. mark the clicked button). */
  to(target: SlackTarget, before?: () => Promise<void>): TurnDelivery;
  /** Replaces a message's text and blocks; a failure is logged, never thrown (the turn matters more). */
  update(channel: string, ts: string, text: string, blocks: SlackBlock[]): Promise<void>;
  /** A note only `user` sees (chat.postEphemeral), in the thread when there is one; a failure is logged. */
  tellPrivately(target: SlackTarget, user: string, text: string): Promise<void>;
}

export function createSlackOutbox(options: SlackOutboxOptions): SlackOutbox {
  const { client, logger } = options;

  async function post(target: SlackTarget, message: SlackMessage): Promise<void> {
    await client.chat.postMessage({
      channel: target.channel,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      text: message.text,
      blocks: asBlocks(message.blocks),
      unfurl_links: false,
      unfurl_media: false,
    });
  }

  async function notifyStaff(summary: HandoffSummary): Promise<boolean> {
    if (!options.handoffChannel) {
      logger.warn({ conversationKey: summary.conversationKey, reason: summary.reason }, `handoff requested, but ${options.noChannelHint ?? 'SLACK_HANDOFF_CHANNEL is not set'}: no one was told`);
      return false;
    }
    const place = parseConversationKey(summary.conversationKey);
    await post({ channel: options.handoffChannel }, renderHandoffSummary(summary, place, options.handBackSigner.sign(summary.conversationKey), options.workspaceUrl));
    return true;
  }

  return {
    to(target, before) {
      return {
        async deliver(replies) {
          if (before) await before();
          for (const reply of replies) await post(target, renderReply(reply));
        },
        notifyStaff: options.openLive ?? notifyStaff,
        // A bot cannot delete what a person wrote in Slack: ask them to, and say who else can see it.
        removeSecret: async () => (isDirectChannel(target.channel) ? 'private' : 'shared'),
      };
    },
    async update(channel, ts, text, blocks) {
      try {
        await client.chat.update({ channel, ts, text, blocks: asBlocks(blocks) });
      } catch (error) {
        logger.warn({ channel, err: errorText(error) }, 'could not update the clicked Slack message');
      }
    },
    async tellPrivately(target, user, text) {
      try {
        await client.chat.postEphemeral({ channel: target.channel, user, text, ...(target.threadTs ? { thread_ts: target.threadTs } : {}) });
      } catch (error) {
        logger.warn({ channel: target.channel, err: errorText(error) }, 'could not send a private note');
      }
    },
  };
}

/** Our blocks are built to Block Kit's shapes; the zod-loose type only lacks the nominal typing. */
function asBlocks(blocks: SlackBlock[]): types.Block[] {
  return blocks as types.Block[];
}
