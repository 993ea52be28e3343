/**
 * Slack events and clicks → the core's IncomingMessage. Transport only: the text is turned from
 * Slack markup into what a person typed, nothing is interpreted.
 */
import type { IncomingMessage } from '../../core/types.js';
import { conversationKeyOf, isDirectChannel, type SlackPlace } from './conversation-key.js';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * Slack "mrkdwn" as it arrives in events → plain text.
 * - the bot's own mention `<@UBOT>` is removed; other mentions become `@U123`
 * - `<url|label>` → label, `<url>` → url, `<#C123|general>` → #general, `<!here>` → @here
 * - `*bold*`, `_italic_`, `~strike~`, `code` and ```blocks``` → their text
 * - `&amp;`, `&lt;`, `&gt;` decoded (last, so a decoded `<` is never read as markup)
 */
export function normaliseSlackText(text: string, botUserId?: string): string {
  let out = text;
  // `[^<>]`, not `[^>]`: a scan stops at the next '<', so "<@UBOT|" repeated is one pass, not one per copy.
  if (botUserId) out = out.replace(new RegExp(`<@${botUserId}(?:\\|[^<>]*)?>`, 'g'), ' ');
  out = out.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target = '', label] = splitOnce(inner, '|');
    if (target.startsWith('@')) return label ? `@${label}` : target;
    if (target.startsWith('#')) return label ? `#${label}` : target;
    if (target.startsWith('!')) {
      const name = target.slice(1).split('^')[0] ?? '';
      return label ?? (name.startsWith('subteam') ? '@team' : `@${name}`);
    }
    if (label) return label;
    return target.replace(/^mailto:/, '').replace(/^tel:/, '');
  });
  out = out.replace(/```([\s\S]*?)```/g, '$1');
  out = out.replace(/`([^`\n]+)`/g, '$1');
  // Emphasis markers only when they wrap words, so snake_case and 2*3*4 are left alone: an opening
  // mark after the start or a space/bracket/quote and before a non-space, closed by the nearest mark
  // on the same line after a non-space and before the end, a space or punctuation. In one pass per
  // mark (the nearest closer of every position is worked out first, right to left): a regex with a
  // lazy scan to the closer went over the rest of the line once per opener, quadratic in the length.
  const OPEN_AFTER = /[\s([{"']/;
  const CLOSE_BEFORE = /[\s)\]}.,;:!?"']/;
  const SPACE = /\s/;
  for (const mark of ['*', '_', '~']) {
    const n = out.length;
    const closer = new Int32Array(n + 2).fill(-1);
    for (let q = n - 1; q >= 0; q--) {
      const c = out.charAt(q);
      if (c === '\n') closer[q] = -1;
      else if (c === mark && q > 0 && !SPACE.test(out.charAt(q - 1)) && (q + 1 === n || CLOSE_BEFORE.test(out.charAt(q + 1)))) closer[q] = q;
      else closer[q] = closer[q + 1] ?? -1;
    }
    // Where the opening mark at m is closed, or -1.
    const closeOf = (m: number): number => (out.charAt(m) === mark && m + 1 < n && !SPACE.test(out.charAt(m + 1)) ? (closer[m + 2] ?? -1) : -1);
    let unwrapped = '';
    let from = 0;
    for (let i = 0; i < n; i++) {
      // A match starting at i: the mark opens the text, or follows an opening character at i.
      let open = 0;
      let close = i === 0 ? closeOf(0) : -1;
      if (close < 0 && OPEN_AFTER.test(out.charAt(i))) close = closeOf((open = i + 1));
      if (close < 0) continue;
      unwrapped += out.slice(from, open) + out.slice(open + 1, close);
      from = close + 1;
      i = close;
    }
    out = unwrapped + out.slice(from);
  }
  out = out.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
  return out.replace(/[ \t]{2,}/g, ' ').trim();
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

export interface SlackTextInput {
  place: SlackPlace;
  userId: string;
  text: string;
  eventId: string;
  botUserId?: string;
  receivedAt: number;
}

/** A typed message (DM, mention, thread reply or slash command) → IncomingMessage. */
export function textMessage(input: SlackTextInput): IncomingMessage {
  return {
    platform: 'slack',
    conversationKey: conversationKeyOf(input.place),
    userId: input.userId,
    text: normaliseSlackText(input.text, input.botUserId),
    eventId: input.eventId,
    receivedAt: input.receivedAt,
  };
}

export interface SlackActionInput {
  place: SlackPlace;
  userId: string;
  value: string;
  eventId: string;
  receivedAt: number;
}

/** A button click → IncomingMessage carrying the button's value. */
export function actionMessage(input: SlackActionInput): IncomingMessage {
  return {
    platform: 'slack',
    conversationKey: conversationKeyOf(input.place),
    userId: input.userId,
    action: input.value,
    eventId: input.eventId,
    receivedAt: input.receivedAt,
  };
}

/**
 * Where a message belongs: a DM is one conversation (whatever thread it is in); in a channel the
 * conversation is the thread, started by the message itself when it is not in a thread yet.
 */
export function placeOf(team: string, channel: string, ts: string, threadTs: string | undefined): SlackPlace {
  if (isDirectChannel(channel)) return { team, channel };
  return { team, channel, threadTs: threadTs ?? ts };
}

/** Event ids as the store dedupes them; clicks and commands use their one-time trigger id. */
export const eventIds = {
  event: (eventId: string) => `slack:event:${eventId}`,
  action: (triggerId: string) => `slack:action:${triggerId}`,
  command: (triggerId: string) => `slack:command:${triggerId}`,
};
