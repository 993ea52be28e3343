import type { Button, TurnResult } from '../core/types.js';
import type { Style } from './terminal-style.js';

const INDENT = '      ';

/** Word-wraps text to `width` columns, every line after the first indented under the prompt. */
export function wrapText(text: string, width: number): string {
  const room = Math.max(20, width - INDENT.length);
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      if (line && line.length + 1 + word.length > room) {
        out.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    out.push(line);
  }
  return out.join(`\n${INDENT}`);
}

/**
 * The knowledge base writes Markdown: `**bold**`, `*emphasis*` and `- ` lists. A terminal shows
 * them as bold text and bullets instead of asterisks and dashes.
 */
export function renderMarkdown(text: string, style: Style): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^(\s*)[-*] /, '$1• '))
    .join('\n')
    .replace(/\*\*([^*\n]+)\*\*/g, (_, inner: string) => style.bold(inner))
    .replace(/(^|[^*\w])\*([^*\n]+)\*(?!\w)/g, (_, before: string, inner: string) => `${before}${style.bold(inner)}`)
    .replace(/`([^`\n]+)`/g, '$1');
}

/** What the terminal shows of a turn. */
export type ShownTurn = Pick<TurnResult, 'replies' | 'citations' | 'handoff'>;

/**
 * Renders a turn for a person at a terminal: text, numbered choices, a small line naming the
 * sources by their titles. Nobody from the support team watches a terminal, so there is no
 * "handed over" marker: the reply itself says who to reach.
 */
export function renderTurn(result: ShownTurn, style: Style, width = Number.POSITIVE_INFINITY): string {
  const lines: string[] = [];
  let n = 0;
  for (const reply of result.replies) {
    lines.push(`${style.cyan(style.bold('bot ›'))} ${wrapText(renderMarkdown(reply.text, style), width)}`);
    for (const button of reply.buttons) {
      n += 1;
      lines.push(`      ${style.yellow(`${n})`)} ${button.label}`);
    }
  }
  if (result.citations.length > 0) {
    const titles = [...new Set(result.citations.map((c) => c.title))];
    lines.push(style.dim(`${INDENT}${wrapText(`${titles.length === 1 ? 'Source' : 'Sources'}: ${titles.join('; ')}`, width)}`));
  }
  return lines.join('\n');
}

export function buttonsOf(result: Pick<TurnResult, 'replies'>): Button[] {
  return result.replies.flatMap((r) => r.buttons);
}

/** A typed number or a button's label picks that button; anything else is a message. */
export function pickButton(input: string, buttons: readonly Button[]): Button | undefined {
  const t = input.trim();
  if (/^\d+$/.test(t)) return buttons[Number(t) - 1];
  const lower = t.toLowerCase();
  return buttons.find((b) => b.label.toLowerCase() === lower);
}
