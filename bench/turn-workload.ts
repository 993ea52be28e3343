import { randomUUID } from 'node:crypto';
import type { TurnPipeline } from '../src/core/turn-pipeline.js';
import type { Button } from '../src/core/types.js';
import { CONVERSATION_SCRIPT } from './workload.js';

/**
 * Drives realistic turns: each conversation walks the script, and when the bot offered buttons,
 * every third turn clicks the first one instead of typing.
 */
export function createTurnDriver(pipeline: TurnPipeline, conversationKeys: string[]) {
  const cursor = new Map<string, number>();
  const offered = new Map<string, Button[]>();
  let n = 0;
  return async function nextTurn(): Promise<void> {
    const key = conversationKeys[n % conversationKeys.length] ?? 'bench';
    n += 1;
    const i = cursor.get(key) ?? 0;
    cursor.set(key, i + 1);
    const base = { platform: 'json' as const, conversationKey: key, userId: key, eventId: randomUUID(), receivedAt: Date.now() };
    const button = offered.get(key)?.[0];
    const result =
      button && i % 3 === 2
        ? await pipeline.handle({ ...base, action: button.value })
        : await pipeline.handle({ ...base, text: CONVERSATION_SCRIPT[i % CONVERSATION_SCRIPT.length] ?? 'hi' });
    if (result.errorRef) throw new Error(`benchmark turn failed: ${result.replies[0]?.text}`);
    offered.set(key, result.replies.flatMap((r) => r.buttons));
  };
}
