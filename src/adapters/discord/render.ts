/**
 * Reply[] → Discord message bodies (the raw REST JSON): text split under 2000 characters,
 * citations as a subtext line, buttons as action rows (5 per row, 5 rows).
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIComponentInMessageActionRow } from 'discord.js';
import { isStaffAction } from '../../core/actions.js';
import type { Citation, Reply } from '../../core/types.js';
import type { ButtonCodec } from './custom-id.js';
import { splitText } from './split-text.js';

export const MESSAGE_MAX = 2000;
export const BUTTONS_PER_ROW = 5;
export const MAX_ROWS = 5;
export const LABEL_MAX = 80;

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

export interface AllowedMentions {
  parse: ('users' | 'roles' | 'everyone')[];
  users?: string[];
  roles?: string[];
}

export interface DiscordMessageBody {
  content: string;
  components: ButtonRow[];
  /** Nothing the bot says pings anyone unless listed here. */
  allowed_mentions: AllowedMentions;
  message_reference?: { message_id: string; fail_if_not_exists: false };
}

export interface RenderedReplies {
  bodies: DiscordMessageBody[];
  /** Buttons beyond 25 on one reply (Discord's limit) that could not be shown. */
  droppedButtons: number;
}

const NO_PINGS: AllowedMentions = { parse: [] };

/** `-# Source: Title (guide)`: Discord's small subtext line. */
export function renderCitations(citations: readonly Citation[]): string {
  if (citations.length === 0) return '';
  const parts = citations.map((c) => `${c.title} (${c.source})`);
  return `-# ${citations.length === 1 ? 'Source' : 'Sources'}: ${parts.join(' · ')}`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function renderButtons(all: Reply['buttons'], codec: ButtonCodec): { rows: ButtonRow[]; dropped: number } {
  // A choice never carries a staff action (hand-back has its own button, for staff only).
  const buttons = all.filter((button) => !isStaffAction(button.value));
  const shown = buttons.slice(0, BUTTONS_PER_ROW * MAX_ROWS);
  const rows: ButtonRow[] = [];
  shown.forEach((button, index) => {
    if (index % BUTTONS_PER_ROW === 0) rows.push({ type: ComponentType.ActionRow, components: [] });
    rows[rows.length - 1]!.components.push({
      type: ComponentType.Button,
      style: index === 0 ? ButtonStyle.Primary : ButtonStyle.Secondary,
      label: truncate(button.label, LABEL_MAX),
      custom_id: codec.encode(button.value, index),
    });
  });
  return { rows, dropped: buttons.length - shown.length };
}

/** One reply → one or more messages; buttons and the citation line go on the last one. */
export function renderReply(reply: Reply, codec: ButtonCodec): RenderedReplies {
  const citationLine = renderCitations(reply.citations);
  const { rows, dropped } = renderButtons(reply.buttons, codec);
  const chunks = splitText(reply.text, MESSAGE_MAX);
  if (citationLine) {
    const last = chunks[chunks.length - 1];
    if (last !== undefined && last.length + 1 + citationLine.length <= MESSAGE_MAX) chunks[chunks.length - 1] = `${last}\n${citationLine}`;
    else chunks.push(citationLine);
  }
  if (chunks.length === 0 && rows.length === 0) return { bodies: [], droppedButtons: dropped };
  if (chunks.length === 0) chunks.push('\u200b');
  const bodies = chunks.map((content, i): DiscordMessageBody => ({
    content,
    components: i === chunks.length - 1 ? rows : [],
    allowed_mentions: NO_PINGS,
  }));
  return { bodies, droppedButtons: dropped };
}

export function renderReplies(replies: readonly Reply[], codec: ButtonCodec): RenderedReplies {
  const out: RenderedReplies = { bodies: [], droppedButtons: 0 };
  for (const reply of replies) {
    const rendered = renderReply(reply, codec);
    out.bodies.push(...rendered.bodies);
    out.droppedButtons += rendered.droppedButtons;
  }
  return out;
}

type AnyRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/**
 * The clicked message after a choice: every button disabled, the chosen one green, so the
 * conversation shows what was picked and the same choice cannot be made twice.
 */
export function markChoice(rows: readonly AnyRow[], chosenCustomId: string | null): AnyRow[] {
  return rows.map((row) => {
    if (row.type !== ComponentType.ActionRow) return row;
    return {
      ...row,
      components: row.components.map((c) => {
        if (c.type !== ComponentType.Button) return c;
        if (c.style === ButtonStyle.Link || c.style === ButtonStyle.Premium) return c;
        const chosen = 'custom_id' in c && c.custom_id === chosenCustomId;
        return { ...c, disabled: true, style: chosen ? ButtonStyle.Success : ButtonStyle.Secondary };
      }),
    };
  });
}
