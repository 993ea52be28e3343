/**
 * One adapter serves every transcript of a test file; each transcript gets its own core (a fresh
 * in-memory store, the transcript's fixed clock) and the TurnResults it produced, so a channel can
 * check intent, flow and step, which no chat platform shows.
 */
import type { IncomingMessage, TurnResult } from '../../src/core/types.js';
import { createTurnPipeline, type TurnHooks, type TurnPipeline } from '../../src/core/turn-pipeline.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { CoreParts } from '../../src/transcripts/core-channel.js';
import type { ChannelContext } from '../../src/transcripts/replayer.js';
import type { ObservedTurn } from '../../src/transcripts/check-turn.js';
import type { Reply } from '../../src/core/types.js';

export interface ReplayConversation {
  /** Every TurnResult this transcript's core produced, in order. */
  readonly results: TurnResult[];
  /** Waits for the core to finish a turn started after `seen` results; fails after `timeoutMs`. */
  nextResult(seen: number, timeoutMs?: number): Promise<TurnResult>;
  close(): Promise<void>;
}

export interface ReplayRouter {
  /** What the adapter is given as its bot: routes each message to the current transcript's core. */
  readonly bot: TurnPipeline;
  /** Starts a transcript's conversation; `conversationKey` is the adapter's key for it (for a starting state). */
  begin(context: ChannelContext, conversationKey: string): Promise<ReplayConversation>;
}

export function createReplayRouter(parts: CoreParts): ReplayRouter {
  let current: { pipeline: TurnPipeline } | undefined;
  return {
    bot: {
      handle(message: IncomingMessage, hooks?: TurnHooks): Promise<TurnResult> {
        if (!current) throw new Error(`a message arrived with no transcript being replayed (${message.conversationKey})`);
        return current.pipeline.handle(message, hooks);
      },
    },
    async begin(context, conversationKey) {
      const store = createMemoryStore({ now: context.now });
      if (context.initialState !== undefined) {
        const state = parts.dialogue.parseState(context.initialState);
        await store.put({ key: conversationKey, version: 1, state, updatedAt: context.now() }, 0);
      }
      const results: TurnResult[] = [];
      const waiters = new Set<() => void>();
      const pipeline = createTurnPipeline({
        ...parts,
        store,
        now: context.now,
        onTurn: (_message, result) => {
          results.push(result);
          for (const wake of waiters) wake();
        },
      });
      const mine = { pipeline };
      current = mine;
      return {
        results,
        nextResult(seen, timeoutMs = 5000) {
          return new Promise((resolve, reject) => {
            const check = () => {
              const result = results[seen];
              if (!result) return false;
              clearTimeout(timer);
              waiters.delete(wake);
              resolve(result);
              return true;
            };
            const wake = () => void check();
            const timer = setTimeout(() => {
              waiters.delete(wake);
              reject(new Error(`the adapter did not hand the turn to the core within ${timeoutMs} ms`));
            }, timeoutMs);
            waiters.add(wake);
            check();
          });
        },
        async close() {
          if (current === mine) current = undefined;
          await store.close();
        },
      };
    },
  };
}

/** An observed turn: the replies as the platform received them, the rest from the core's result. */
export function observe(result: TurnResult, replies: Reply[]): ObservedTurn {
  if (result.errorRef) throw new Error(`the turn failed inside the core (reference ${result.errorRef})`);
  return { intent: result.intent, flow: result.flow, step: result.step, replies, citations: result.citations, handoff: result.handoff };
}
