import { randomUUID } from 'node:crypto';
import { createConversationRunner } from '../core/conversation-runner.js';
import { createLiveAgent, DEFAULT_CLAIM_TIMEOUT_MS } from '../core/live-agent/live-agent.js';
import { createTurnPipeline, type TurnPipelineOptions } from '../core/turn-pipeline.js';
import type { IncomingMessage, TurnResult } from '../core/types.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { ObservedTurn } from './check-turn.js';
import { createReplayDesk } from './replay-desk.js';
import type { ChannelFactory, LiveInput } from './replayer.js';

export type CoreParts = Omit<TurnPipelineOptions, 'store' | 'now' | 'onTurn'>;

/**
 * Replays straight through the core: a fresh in-memory store per transcript, the transcript's
 * fixed clock, a unique conversation key. The parts (model, knowledge) are loaded once and shared.
 * Turns run through a ConversationRunner with the live agent on a desk in memory, so a transcript
 * can hand over to staff, have them claim, answer, hand back or close, and check what each side saw.
 */
export interface CoreChannelOptions {
  /** Also told of every turn the core ran (e.g. the insights recorder). */
  onTurn?: NonNullable<TurnPipelineOptions['onTurn']>;
}

export function createCoreChannelFactory(parts: CoreParts, options: CoreChannelOptions = {}): ChannelFactory {
  return async (context) => {
    const store = createMemoryStore({ now: context.now });
    const conversationKey = `replay:${context.conversationId}`;
    if (context.initialState !== undefined) {
      const state = parts.dialogue.parseState(context.initialState);
      await store.put({ key: conversationKey, version: 1, state, updatedAt: context.now() }, 0);
    }
    let latest: TurnResult | undefined;
    const pipeline = createTurnPipeline({ ...parts, store, now: context.now, onTurn: async (message, result) => {
        latest = result;
        await options.onTurn?.(message, result);
      },
    });
    const runner = createConversationRunner({ pipeline });
    const desk = createReplayDesk();
    // `timeout` turns move the live agent's clock on by the claim timeout (nobody claimed meanwhile).
    let skew = 0;
    const live = createLiveAgent({ runner, store, privacy: parts.privacy, now: () => context.now() + skew, relaySettleMs: 0, claimTimeoutMs: DEFAULT_CLAIM_TIMEOUT_MS });
    live.attach(desk);

    /** A staff-side turn; what the staff member is told privately shows in the staff thread as `(to Sam) …`. */
    async function staffTurn(input: LiveInput): Promise<void> {
      if (input.kind === 'timeout') {
        skew += DEFAULT_CLAIM_TIMEOUT_MS;
        await live.tick();
        return;
      }
      const thread = desk.latestThread();
      if (!thread) throw new Error('a staff turn before any handoff: nothing is with staff');
      const base = { platform: 'replay' as const, thread, userId: input.as };
      const id = randomUUID();
      const outcome =
        input.kind === 'staff'
          ? await live.fromStaff({ ...base, text: input.text, messageId: id, order: { ms: context.now(), tie: id } })
          : await live.act({ ...base, verb: input.kind, ...(input.kind === 'hand_back' && input.note ? { note: input.note } : {}), eventId: id });
      if (outcome.text) desk.staffThread.push(`(to ${input.as}) ${outcome.text}`);
    }

    async function position(): Promise<{ flow: string | null; step: string | null }> {
      const record = await store.get(conversationKey);
      return record ? parts.dialogue.position(parts.dialogue.parseState(record.state)) : { flow: null, step: null };
    }

    return {
      async send(input): Promise<ObservedTurn> {
        const received = desk.inbox.length;
        const told = desk.staffThread.length;
        latest = undefined;
        if (input.live) {
          await staffTurn(input.live);
        } else {
          const base = { platform: 'replay' as const, conversationKey, userId: context.userId, eventId: randomUUID(), receivedAt: context.now() };
          const message: IncomingMessage = input.action !== undefined ? { ...base, action: input.action } : { ...base, text: input.text ?? '' };
          const outcome = await runner.run(message, { deliver: async (replies) => void desk.inbox.push(...replies), notifyStaff: (summary) => live.open(summary) });
          if (outcome.status === 'failed') throw new Error(`the turn failed: ${String(outcome.error)}`);
        }
        await live.idle();
        await runner.idle();
        // Set by the pipeline's listener while the turn (or the ending a staff turn caused) ran.
        const result = latest as TurnResult | undefined;
        if (result?.errorRef) throw new Error(`the turn failed inside the core (reference ${result.errorRef}): ${result.replies[0]?.text ?? ''}`);
        const where = result ?? { intent: null, ...(await position()), citations: [], handoff: false };
        return {
          intent: where.intent,
          flow: where.flow,
          step: where.step,
          replies: desk.inbox.slice(received),
          citations: where.citations,
          handoff: where.handoff,
          staffThread: desk.staffThread.slice(told),
        };
      },
      async close() {
        await live.stop();
        await store.close();
      },
    };
  };
}
