import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTerminalAdapter } from '../../src/cli/terminal-adapter.js';
import { createConversationRunner } from '../../src/core/conversation-runner.js';
import type { TurnPipeline } from '../../src/core/turn-pipeline.js';
import type { IncomingMessage, TurnResult } from '../../src/core/types.js';

/** A core that offers two buttons after a typed message and says what a click chose. */
function scriptedCore(seen: IncomingMessage[]): TurnPipeline {
  return {
    async handle(m) {
      seen.push(m);
      const replies = m.action
        ? [{ text: `you chose ${m.action}`, buttons: [], citations: [] }]
        : [{ text: `heard ${m.text}`, buttons: [{ label: 'Visa', value: 'answer:visa' }, { label: 'Mastercard', value: 'answer:mastercard' }], citations: [] }];
      return { conversationKey: m.conversationKey, userId: m.userId, platform: m.platform, intent: null, confidence: 1, flow: null, step: null, replies, citations: [], handoff: false, duplicate: false, redactions: [] } satisfies TurnResult;
    },
  };
}

async function converse(lines: string[], persistent?: boolean): Promise<{ seen: IncomingMessage[]; printed: string; states: string[] }> {
  const seen: IncomingMessage[] = [];
  const runner = createConversationRunner({ pipeline: scriptedCore(seen) });
  const states: string[] = [];
  runner.on('adapter:status', (e) => states.push(e.status.state));
  const input = new PassThrough();
  const output = new PassThrough() as PassThrough & NodeJS.WriteStream;
  let printed = '';
  output.on('data', (c: Buffer) => (printed += c.toString()));
  const terminal = createTerminalAdapter({ runner, user: 'ana', input, output, ...(persistent === undefined ? {} : { persistent }) });
  await terminal.start();
  input.end(lines.map((l) => `${l}\n`).join(''));
  await terminal.finished;
  await terminal.stop();
  return { seen, printed, states };
}

describe('the terminal adapter', () => {
  it('sends typed lines as messages and a number or a label as a click, in the person’s own conversation', async () => {
    const { seen, printed } = await converse(['my card', '2', 'again', 'visa']);
    expect(seen.map((m) => m.text ?? `click ${m.action}`)).toEqual(['my card', 'click answer:mastercard', 'again', 'click answer:visa']);
    expect(new Set(seen.map((m) => m.conversationKey))).toEqual(new Set(['cli:ana']));
    expect(seen.every((m) => m.platform === 'console' && m.userId === 'ana')).toBe(true);
    expect(printed).toMatch(/bot › heard my card\n +1\) Visa\n +2\) Mastercard/);
    expect(printed).toContain('bot › you chose answer:mastercard');
  });

  it('skips empty lines, stops at "quit", and reports its status from ready to stopped', async () => {
    const { seen, printed, states } = await converse(['', '   ', 'hello', 'quit', 'never sent']);
    expect(seen.map((m) => m.text)).toEqual(['hello']);
    expect(printed).toContain('Bye!');
    expect(states).toEqual(['starting', 'ready', 'stopped']);
  });

  it('says the conversation is saved only when the store keeps it', async () => {
    expect((await converse(['hi'])).printed).toContain('Your conversation is saved');
    const memory = await converse(['hi'], false);
    expect(memory.printed).toContain('Bye!');
    expect(memory.printed).not.toContain('saved');
  });
});
