/**
 * Reply[] → Block Kit. One reply becomes one Slack message: its text in section blocks, its
 * buttons in an actions block, its citations in a small context line, and a plain-text `text`
 * for notifications and clients that cannot show blocks.
 */
import { isStaffAction } from '../../core/actions.js';
import { ADAPTER_LINES } from '../../core/adapter-lines.js';
import type { Citation, HandoffSummary, Reply } from '../../core/types.js';
import type { SlackBlock } from './payload-schemas.js';

/** action_id prefixes the app listens to (Slack requires action_ids unique within a message). */
export const ACTION_IDS = {
  choicePrefix: 'supportbot:choice:',
  handBack: 'supportbot:handback',
} as const;
export const CHOICE_BLOCK_ID = 'supportbot:choices';
export const HANDOFF_BLOCK_ID = 'supportbot:handoff';

/** Slack's limits (api.slack.com/reference/block-kit). */
const LIMITS = { sectionText: 3000, buttonText: 75, buttonValue: 2000, buttonsPerBlock: 25, contextText: 3000, fallbackText: 3900 };

export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** Escapes the three characters Slack reads as markup, so text can never ping @channel or fake a link. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Common Markdown from the knowledge base → Slack mrkdwn (bold, links, headings, bullets). */
export function toMrkdwn(markdown: string): string {
  return escapeMrkdwn(markdown)
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g, (_m, label: string, url: string) => `<${url}|${label}>`)
    .replace(/\*\*([^*\n]+)\*\*/g, '*$1*')
    .replace(/^#{1,6}\s+(.+)$/gm, '*$1*')
    .replace(/^(\s*)[-*]\s+/gm, '$1• ');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Splits long text into section-sized pieces, at paragraph or line ends where it can. */
export function splitForSections(text: string, max = LIMITS.sectionText): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = Math.max(window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' '));
    const at = cut > max / 2 ? cut : max;
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

export function citationLine(citations: readonly Citation[]): string {
  return `Source: ${citations.map((c) => `${c.title} (${c.source})`).join(' · ')}`;
}

/** One reply → one Slack message. */
export function renderReply(reply: Reply): SlackMessage {
  const blocks: SlackBlock[] = [];
  const text = reply.text.trim() === '' ? ' ' : reply.text;
  for (const piece of splitForSections(toMrkdwn(text))) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: piece } });
  }
  // A choice never carries a staff action (hand-back has its own button, for staff only).
  const buttons = reply.buttons.filter((button) => !isStaffAction(button.value));
  if (buttons.length > 0) {
    blocks.push({
      type: 'actions',
      block_id: CHOICE_BLOCK_ID,
      elements: buttons.slice(0, LIMITS.buttonsPerBlock).map((button, index) => ({
        type: 'button',
        action_id: `${ACTION_IDS.choicePrefix}${index}`,
        text: { type: 'plain_text', text: truncate(button.label, LIMITS.buttonText), emoji: true },
        value: truncate(button.value, LIMITS.buttonValue),
      })),
    });
  }
  if (reply.citations.length > 0) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(escapeMrkdwn(citationLine(reply.citations)), LIMITS.contextText) }] });
  }
  const fallbackParts = [reply.text];
  if (buttons.length > 0) fallbackParts.push(`Choices: ${buttons.map((b) => b.label).join(' | ')}`);
  if (reply.citations.length > 0) fallbackParts.push(citationLine(reply.citations));
  return { text: truncate(fallbackParts.join('\n'), LIMITS.fallbackText), blocks };
}

/**
 * The clicked message after the click: its buttons are replaced by a small line saying what was
 * chosen, so the choice stays visible and cannot be clicked twice. Other blocks stay as they were.
 */
export function renderChoiceMade(blocks: readonly SlackBlock[], chosen: string): SlackBlock[] {
  const line: SlackBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(chosen, LIMITS.contextText) }] };
  let replaced = false;
  const out: SlackBlock[] = [];
  for (const block of blocks) {
    if (block.type === 'actions' && block.block_id?.startsWith('supportbot:')) {
      if (!replaced) out.push(line);
      replaced = true;
    } else {
      out.push(block);
    }
  }
  if (!replaced) out.push(line);
  return out;
}

/** "You chose: *Visa*" in a DM; in a channel thread, who chose. */
export function choiceLine(label: string, userId: string, direct: boolean): string {
  return ADAPTER_LINES.choiceMade(`*${escapeMrkdwn(label)}*`, direct ? undefined : `<@${userId}>`);
}

export interface HandoffPlace {
  channel: string;
  threadTs?: string;
}

/** A link to a message, e.g. https://acme.slack.com/archives/C123/p1700000000000100 (no API call needed). */
export function permalink(workspaceUrl: string, channel: string, ts: string): string {
  const base = workspaceUrl.endsWith('/') ? workspaceUrl : `${workspaceUrl}/`;
  return `${base}archives/${channel}/p${ts.replace('.', '')}`;
}

/** Where the conversation is, for staff: a DM with the person, or a thread in a channel (linked). */
function whereLine(summary: HandoffSummary, place: HandoffPlace | undefined, workspaceUrl: string | undefined): string {
  if (!place) return escapeMrkdwn(summary.conversationKey);
  if (place.threadTs === undefined) return `direct message with <@${summary.userId}>`;
  const link = workspaceUrl ? ` · <${permalink(workspaceUrl, place.channel, place.threadTs)}|open the thread>` : '';
  return `thread in <#${place.channel}>${link}`;
}

/**
 * The handoff summary posted to the staff channel (already redacted by the core), with a hand-back
 * button whose value is the conversation key, signed (`handBackValue`): a forged value is refused.
 */
export function renderHandoffSummary(summary: HandoffSummary, place: HandoffPlace | undefined, handBackValue: string, workspaceUrl?: string): SlackMessage {
  const steps = summary.stepsTried.length > 0 ? summary.stepsTried.map((s) => `• ${escapeMrkdwn(s)}`).join('\n') : '_none_';
  const problem = summary.problem.trim() === '' ? '_not stated_' : escapeMrkdwn(summary.problem);
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'A person needs help', emoji: true } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Who*\n<@${summary.userId}>` },
        { type: 'mrkdwn', text: `*Where*\n${whereLine(summary, place, workspaceUrl)}` },
        { type: 'mrkdwn', text: `*Why*\n${escapeMrkdwn(summary.reason)}` },
        { type: 'mrkdwn', text: `*Flow*\n${summary.flow === null ? '_none_' : escapeMrkdwn(summary.flow)}` },
      ],
    },
    { type: 'section', text: { type: 'mrkdwn', text: truncate(`*Problem*\n${problem}`, LIMITS.sectionText) } },
    { type: 'section', text: { type: 'mrkdwn', text: truncate(`*Steps tried*\n${steps}`, LIMITS.sectionText) } },
    {
      type: 'actions',
      block_id: HANDOFF_BLOCK_ID,
      elements: [
        {
          type: 'button',
          action_id: ACTION_IDS.handBack,
          style: 'primary',
          text: { type: 'plain_text', text: 'Hand back to the bot', emoji: true },
          value: handBackValue,
        },
      ],
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: 'Card numbers, codes and passwords were removed from this summary.' }] },
  ];
  const text = truncate(`A person needs help (${summary.reason}): ${summary.problem}`, LIMITS.fallbackText);
  return { text, blocks };
}
