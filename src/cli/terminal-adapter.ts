/**
 * The terminal adapter: `supportbot chat` (and `npm start` without Slack or Discord settings).
 * Lines typed are messages, a number or a label picks a button; replies are printed as they come.
 * Same contract as Slack and Discord: an Adapter handing messages to the ConversationRunner.
 */
import { randomUUID } from 'node:crypto';
import readline from 'node:readline';
import { trackAdapterStatus, type Adapter } from '../core/adapter.js';
import type { ConversationRunner } from '../core/conversation-runner.js';
import type { Button } from '../core/types.js';
import { buttonsOf, pickButton, renderTurn } from './terminal-render.js';
import { createStyle } from './terminal-style.js';

export interface TerminalAdapterOptions {
  runner: ConversationRunner;
  /** The person's id; the conversation is `cli:<user>`, so a saved one continues. */
  user: string;
  /** Whether the store keeps conversations (not `--store memory`): only then does goodbye say so. */
  persistent?: boolean;
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WriteStream;
}

export interface TerminalAdapter extends Adapter {
  /** Resolves when the person quits or the input ends. */
  readonly finished: Promise<void>;
}

const QUIT = /^(quit|exit|\/quit|\/exit)$/i;

export function createTerminalAdapter(options: TerminalAdapterOptions): TerminalAdapter {
  const { runner, user } = options;
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const style = createStyle(output);
  const status = trackAdapterStatus('terminal', runner.events);
  const conversationKey = `cli:${user}`;
  let rl: readline.Interface | undefined;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));

  async function converse(lines: readline.Interface): Promise<void> {
    let buttons: Button[] = [];
    const prompt = () => {
      lines.setPrompt(`${style.green(style.bold('you ›'))} `);
      lines.prompt();
    };
    prompt();
    for await (const line of lines) {
      const text = line.trim();
      if (QUIT.test(text)) break;
      if (text === '') {
        prompt();
        continue;
      }
      const picked = pickButton(text, buttons);
      const base = { platform: 'console' as const, conversationKey, userId: user, eventId: randomUUID(), receivedAt: Date.now() };
      await runner.run(picked ? { ...base, action: picked.value } : { ...base, text: line }, {
        async deliver(replies, result) {
          const shown = result ?? { replies: [...replies], citations: [], handoff: false };
          output.write(`${renderTurn(shown, style, output.columns || 80)}\n`);
          buttons = buttonsOf(shown);
        },
      });
      prompt();
    }
    const saved = options.persistent ?? true;
    output.write(`${style.dim(saved ? 'Bye! Your conversation is saved; run chat again to continue.' : 'Bye!')}\n`);
  }

  return {
    name: 'terminal',
    finished,
    status: () => status.get(),
    async start() {
      status.set('starting');
      rl = readline.createInterface({ input, output, terminal: Boolean(input.isTTY) });
      output.write(`${style.bold('supportbot')} — help with paying on Alibaba with Alipay. ${style.dim('Type a message, a number to pick a choice, or "quit".')}\n`);
      const lines = rl;
      status.set('ready');
      void converse(lines)
        .catch((error: unknown) => output.write(`${String(error)}\n`))
        .finally(() => {
          lines.close();
          status.set('stopped');
          finish();
        });
    },
    async stop() {
      if (!rl) finish();
      rl?.close();
      await finished;
      await runner.idle();
    },
  };
}
