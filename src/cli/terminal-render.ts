import type { Button, TurnResult } from '../core/types.js';
import type { Style } from './terminal-style.js';

/** Renders a turn for a person at a terminal: text, numbered choices, a small source line. */
export function renderTurn(result: TurnResult, style: Style): string {
  const lines: string[] = [];
  let n = 0;
  for (const reply of result.replies) {
    lines.push(`${style.cyan(style.bold('bot ›'))} ${reply.text.replace(/\n/g, '\n      ')}`);
    for (const button of reply.buttons) {
      n += 1;
      lines.push(`      ${style.yellow(`${n})`)} ${button.label}`);
    }
  }
  if (result.citations.length > 0) {
    lines.push(style.dim(`      Source: ${result.citations.map((c) => `${c.title} (${c.section})`).join('; ')}`));
  }
  if (result.handoff) lines.push(style.green('      [handed over to a person]'));
  return lines.join('\n');
}

export function buttonsOf(result: TurnResult): Button[] {
  return result.replies.flatMap((r) => r.buttons);
}

/** A typed number or a button's label picks that button; anything else is a message. */
export function pickButton(input: string, buttons: readonly Button[]): Button | undefined {
  const t = input.trim();
  if (/^\d+$/.test(t)) return buttons[Number(t) - 1];
  const lower = t.toLowerCase();
  return buttons.find((b) => b.label.toLowerCase() === lower);
}
