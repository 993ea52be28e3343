/**
 * The live agent's Block Kit: the handoff summary with where the conversation stands and its
 * controls (Claim, Hand back to the bot, Close), the lines posted in the staff thread, and the
 * hand-back note form. The words come from the core (live-lines.ts); this file only lays them out.
 */
import type { types } from '@slack/bolt';
import { CONTROL_LABELS, controlsFor, NOTE_FORM, statusLine } from '../../core/live-agent/live-lines.js';
import type { StaffPost } from '../../core/live-agent/desk.js';
import type { SessionView } from '../../core/live-agent/session.js';
import type { HandoffSummary } from '../../core/types.js';
import type { SlackBlock } from './payload-schemas.js';
import { escapeMrkdwn, HANDOFF_BLOCK_ID, renderHandoffSummary, toMrkdwn, type HandoffPlace, type SlackMessage } from './render.js';

/** action_ids of the summary's controls, and the hand-back form's callback id. */
export const LIVE_ACTION_IDS = {
  claim: 'supportbot:live:claim',
  hand_back: 'supportbot:live:handback',
  close: 'supportbot:live:close',
} as const;
export const NOTE_VIEW_ID = 'supportbot:live:note';
export const NOTE_BLOCK = { block: 'note', action: 'note' } as const;

/** The summary as the live agent shows it: the usual facts, where it stands, and the controls still open. */
export function renderLiveSummary(summary: HandoffSummary, place: HandoffPlace | undefined, view: SessionView, workspaceUrl?: string): SlackMessage {
  // No hand-back value: the summary's one button is replaced by the live controls below.
  const base = renderHandoffSummary(summary, place, '', workspaceUrl);
  const controls = controlsFor(view).map((verb) => ({
    type: 'button',
    action_id: LIVE_ACTION_IDS[verb],
    text: { type: 'plain_text', text: CONTROL_LABELS[verb], emoji: true },
    value: verb,
    ...(verb === 'claim' ? { style: 'primary' } : {}),
  }));
  const status: SlackBlock = { type: 'context', block_id: 'supportbot:live:status', elements: [{ type: 'mrkdwn', text: `*${escapeMrkdwn(statusLine(view))}*` }] };
  const blocks: SlackBlock[] = [];
  for (const block of base.blocks) {
    if (block.block_id !== HANDOFF_BLOCK_ID) {
      blocks.push(block);
      continue;
    }
    blocks.push(status);
    if (controls.length > 0) blocks.push({ type: 'actions', block_id: HANDOFF_BLOCK_ID, elements: controls });
  }
  return { text: `${base.text} (${statusLine(view)})`, blocks };
}

/** A line in the staff thread: the person's words under their name, or the bot's notice. */
export function renderStaffPost(post: StaffPost, personName: string): SlackMessage {
  if (post.kind === 'notice') {
    return { text: post.text, blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(post.text) }] }] };
  }
  const blocks: SlackBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(personName)}:* ${toMrkdwn(post.text)}` } }];
  if (post.note) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(post.note) }] });
  return { text: `${personName}: ${post.text}`, blocks };
}

/** The hand-back form; `thread` comes back in private_metadata (and is checked again on submit). */
export function noteView(thread: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: NOTE_VIEW_ID,
    private_metadata: thread,
    title: { type: 'plain_text', text: NOTE_FORM.title.slice(0, 24) },
    submit: { type: 'plain_text', text: NOTE_FORM.submit },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: NOTE_BLOCK.block,
        optional: true,
        label: { type: 'plain_text', text: NOTE_FORM.label },
        element: { type: 'plain_text_input', action_id: NOTE_BLOCK.action, multiline: true, max_length: 500, placeholder: { type: 'plain_text', text: NOTE_FORM.placeholder.slice(0, 150) } },
      },
    ],
  };
}
