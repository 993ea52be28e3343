import { randomUUID } from 'node:crypto';
import { createTurnPipeline, type TurnPipelineOptions } from '../core/turn-pipeline.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { ChannelFactory } from './replayer.js';

export type CoreParts = Omit<TurnPipelineOptions, 'store' | 'now' | 'onTurn'>;

/**
 * Replays straight through the core: a fresh in-memory store per transcript, the transcript's
 * fixed clock, a unique conversation key. The parts (model, knowledge) are loaded once and shared.
 */
export function createCoreChannelFactory(parts: CoreParts): ChannelFactory {
  return async (context) => {
    const store = createMemoryStore({ now: context.now });
    const conversationKey = `replay:${context.conversationId}`;
    if (context.initialState !== undefined) {
      const state = parts.dialogue.parseState(context.initialState);
      await store.put({ key: conversationKey, version: 1, state, updatedAt: context.now() }, 0);
    }
    const pipeline = createTurnPipeline({ ...parts, store, now: context.now });
    return {
      async send(input) {
        const base = { platform: 'replay' as const, conversationKey, userId: context.userId, eventId: randomUUID(), receivedAt: input.at };
        const result = await pipeline.handle(input.action !== undefined ? { ...base, action: input.action } : { ...base, text: input.text ?? '' });
        if (result.errorRef) throw new Error(`the turn failed inside the core (reference ${result.errorRef}): ${result.replies[0]?.text ?? ''}`);
        return {
          intent: result.intent,
          flow: result.flow,
          step: result.step,
          replies: result.replies,
          citations: result.citations,
          handoff: result.handoff,
        };
      },
      close: () => store.close(),
    };
  };
}
