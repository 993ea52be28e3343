import { ButtonStyle, ComponentType } from 'discord.js';
import type { HandoffSummary } from '../../core/types.js';
import { placeOf } from './conversation-key.js';
import type { ButtonCodec } from './custom-id.js';
import { MESSAGE_MAX, type DiscordMessageBody } from './render.js';
import { splitText } from './split-text.js';

export const HAND_BACK_LABEL = 'Hand back to the bot';

/** Where staff find the person: a thread link, or who to DM. */
function whereOf(summary: HandoffSummary): string {
  const place = placeOf(summary.conversationKey);
  if (!place) return summary.conversationKey;
  switch (place.kind) {
    case 'thread':
      return `<#${place.threadId}>`;
    case 'channel':
      return `<#${place.channelId}>`;
    case 'dm':
      return `a direct message with the bot: message <@${summary.userId}> yourself to help`;
  }
}

/**
 * The summary posted to the handoff channel: who, where, why, what was tried (all already
 * redacted by the core), mentioning the support role, with a "Hand back to the bot" button that
 * carries the conversation key signed.
 */
export function renderHandoff(summary: HandoffSummary, supportRole: string | undefined, codec: ButtonCodec): DiscordMessageBody {
  const lines = handoffLines(summary, supportRole);
  lines.push(`-# When you are done, press “${HAND_BACK_LABEL}” so the bot picks the conversation up again.`);
  const [content = ''] = splitText(lines.join('\n'), MESSAGE_MAX);
  return {
    content,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, style: ButtonStyle.Secondary, label: HAND_BACK_LABEL, custom_id: codec.encodeHandBack(summary.conversationKey) },
        ],
      },
    ],
    allowed_mentions: handoffMentions(supportRole),
  };
}

/** Ping the role only; the person is named but not pinged from the staff channel. */
export function handoffMentions(supportRole: string | undefined): DiscordMessageBody['allowed_mentions'] {
  return { parse: [], ...(supportRole ? { roles: [supportRole] } : {}) };
}

/** The summary's facts, one per line (the live agent's summary adds its status instead of the button hint). */
export function handoffLines(summary: HandoffSummary, supportRole: string | undefined): string[] {
  const lines = [
    `${supportRole ? `<@&${supportRole}> ` : ''}**A person needs help from the team.**`,
    `**Who:** <@${summary.userId}>`,
    `**Where:** ${whereOf(summary)}`,
    `**Why:** ${summary.reason}`,
    `**Problem:** ${summary.problem || '(not stated)'}`,
  ];
  if (summary.flow) lines.push(`**Topic:** ${summary.flow}`);
  if (summary.stepsTried.length > 0) lines.push(`**Already tried:**\n${summary.stepsTried.map((s) => `- ${s}`).join('\n')}`);
  return lines;
}
