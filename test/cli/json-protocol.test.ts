import { describe, expect, it } from 'vitest';
import { runJsonSession } from '../support/json-session.js';

async function chatJson(input: string): Promise<string[]> {
  const { stdout } = await runJsonSession({ input });
  return stdout.trimEnd().split('\n');
}

describe('supportbot chat --json', () => {
  it('prints exactly one line per input line: a reply object with every contract field, then an error object', async () => {
    const lines = await chatJson('{"user":"u","text":"hello"}\nnot json\n');
    expect(lines).toHaveLength(2);
    const reply = JSON.parse(lines[0] ?? '');
    expect(Object.keys(reply).sort()).toEqual(['citations', 'confidence', 'flow', 'handoff', 'intent', 'replies', 'step', 'user'].sort());
    expect(reply.user).toBe('u');
    expect(typeof reply.confidence).toBe('number');
    expect(Array.isArray(reply.replies) && reply.replies.length).toBeGreaterThan(0);
    for (const r of reply.replies) expect(Object.keys(r).sort()).toEqual(['buttons', 'text']);
    expect(JSON.parse(lines[1] ?? '')).toEqual({ error: expect.stringContaining('not valid JSON') });
  });

  it('names the problem in a line that is JSON but not valid input, and goes on', async () => {
    const lines = await chatJson('{"text":"hi"}\n{"user":"u","text":"a","action":"b"}\n\n{"user":"u","text":"hello"}\n');
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines[0] ?? '').error).toMatch(/user/);
    expect(JSON.parse(lines[1] ?? '').error).toMatch(/exactly one of "text" or "action"/);
    expect(JSON.parse(lines[2] ?? '').error).toBeDefined();
    expect(JSON.parse(lines[3] ?? '').user).toBe('u');
  });
});
