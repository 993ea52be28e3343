/**
 * The live agent in Discord's JSON: the handoff summary with where the conversation stands and its
 * controls (Claim, Hand back to the bot, Close), the lines posted in the staff thread, and the
 * hand-back note modal. Words come from the core (live-lines.ts).
 */
import { ButtonStyle, ComponentType, TextInputStyle, type APIButtonComponentWithCustomId, type APIModalInteractionResponseCallbackData } from 'discord.js';
import type { StaffPost } from '../../core/live-agent/desk.js';
import { CONTROL_LABELS, controlsFor, NOTE_FORM, statusLine } from '../../core/live-agent/live-lines.js';
import type { SessionView } from '../../core/live-agent/session.js';
import type { StaffVerb } from '../../core/live-agent/staff-input.js';
import type { HandoffSummary } from '../../core/types.js';
import { MESSAGE_MAX, type ButtonRow, type DiscordMessageBody } from './render.js';
import { handoffLines, handoffMentions } from './render-handoff.js';
import { splitText } from './split-text.js';

/** custom_ids of the summary's controls; the note modal's id carries the thread (`sblive:note:<channel>:<thread>`). */
export const LIVE_CUSTOM_IDS: Record<StaffVerb, string> = { claim: 'sblive:claim', hand_back: 'sblive:handback', close: 'sblive:close' };
export const NOTE_MODAL_PREFIX = 'sblive:note:';
export const NOTE_INPUT_ID = 'note';

export function liveVerbOf(customId: string): StaffVerb | undefined {
  return (Object.keys(LIVE_CUSTOM_IDS) as StaffVerb[]).find((verb) => LIVE_CUSTOM_IDS[verb] === customId);
}

/** The summary with its status line and the controls still open. */
export function renderLiveSummary(summary: HandoffSummary, supportRole: string | undefined, view: SessionView): DiscordMessageBody {
  // The plain summary ends with a hint about its one button; the live one says where it stands instead.
  const lines = handoffLines(summary, supportRole);
  lines.push(`**Status:** ${statusLine(view)}`);
  if (controlsFor(view).length > 0) lines.push('-# Answer in the thread below: what you write there goes to the person.');
  const [content = ''] = splitText(lines.join('\n'), MESSAGE_MAX);
  const buttons = controlsFor(view).map(
    (verb): APIButtonComponentWithCustomId => ({
      type: ComponentType.Button,
      style: verb === 'claim' ? ButtonStyle.Primary : verb === 'close' ? ButtonStyle.Danger : ButtonStyle.Secondary,
      label: CONTROL_LABELS[verb],
      custom_id: LIVE_CUSTOM_IDS[verb],
    }),
  );
  const components: ButtonRow[] = buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
  return { content, components, allowed_mentions: handoffMentions(supportRole) };
}

/** A line in the staff thread; the person is named by mention (which pings nobody here). */
export function renderStaffPost(post: StaffPost): DiscordMessageBody {
  const content = post.kind === 'notice' ? `-# ${post.text.replace(/\n/g, '\n-# ')}` : `**<@${post.userId}>:** ${post.text}${post.note ? `\n-# ${post.note}` : ''}`;
  const [first = ''] = splitText(content, MESSAGE_MAX);
  return { content: first, components: [], allowed_mentions: { parse: [] } };
}

/** The hand-back note form (a modal). */
export function noteModal(channelId: string, threadId: string): APIModalInteractionResponseCallbackData {
  return {
    custom_id: `${NOTE_MODAL_PREFIX}${channelId}:${threadId}`,
    title: NOTE_FORM.title,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: NOTE_INPUT_ID,
            label: NOTE_FORM.label,
            style: TextInputStyle.Paragraph,
            required: false,
            max_length: 500,
            placeholder: NOTE_FORM.placeholder.slice(0, 100),
          },
        ],
      },
    ],
  };
}
