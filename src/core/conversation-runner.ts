/**
 * The one way every adapter runs a message: turn → deliver → tell staff, one message at a time
 * per conversation, so replies keep the order of the messages on every platform. Adapters hand
 * over an IncomingMessage and a TurnDelivery (how to post on their platform); the runner does
 * the rest and announces each step on its event bus.
 */
import { randomBytes } from 'node:crypto';
import { createEventBus } from './event-bus.js';
import { createKeyedQueue } from './keyed-queue.js';
import { silentLogger, type Logger } from './logger.js';
import { turnRefOf, type RunnerEventBus, type RunnerEvents, type TurnRef } from './runner-events.js';
import { APOLOGY_TEXT, type TurnHooks, type TurnPipeline } from './turn-pipeline.js';
import type { HandoffSummary, IncomingMessage, MessageExposure, Reply, TurnResult } from './types.js';

/** How one adapter posts one turn's outcome. Only `deliver` is required. */
export interface TurnDelivery {
  /**
   * Posts the replies in order where the person reads them (a DM, a thread, a terminal). `result`
   * is unset only for the apology after a message the core could not take at all.
   */
  deliver(replies: readonly Reply[], result?: TurnResult): Promise<void>;
  /**
   * Tells staff a person needs them (the handoff channel). Resolves false when nobody could be told
   * (no channel configured; the adapter logs which setting is missing). Without it a handoff is only logged.
   */
  notifyStaff?(summary: HandoffSummary, result: TurnResult): Promise<boolean | void>;
  /** Deletes the person's message that held a secret, if the platform allows (see TurnHooks). */
  removeSecret?(kinds: readonly string[]): Promise<MessageExposure | undefined>;
}

export interface StageContext {
  turn: TurnRef;
  result: TurnResult;
  delivery: TurnDelivery;
}

/** Work added to every turn, in the conversation's order, after delivery (e.g. a staff relay). */
export interface RunnerStage {
  readonly name: string;
  afterDeliver(context: StageContext): Promise<void>;
}

export type RunOutcome =
  | { status: 'delivered'; result: TurnResult }
  | { status: 'duplicate'; result: TurnResult }
  | { status: 'failed'; error: unknown; result?: TurnResult };

export interface ConversationRunner {
  /** Runs one message through the core and delivers the answer. Never throws. */
  run(message: IncomingMessage, delivery: TurnDelivery): Promise<RunOutcome>;
  /** Runs other work for a conversation in its order, between turns (a relayed staff message, a notice). */
  exclusive<T>(conversationKey: string, work: () => Promise<T>): Promise<T>;
  /** Adds a stage to every later turn; returns the function that removes it. */
  use(stage: RunnerStage): () => void;
  /** turn:started, turn:finished, turn:duplicate, delivered, staff:notified, error, adapter:status. */
  readonly events: RunnerEventBus;
  on: RunnerEventBus['on'];
  /** Resolves when no turn is queued or running (a clean stop, tests). */
  idle(): Promise<void>;
}

export interface ConversationRunnerOptions {
  pipeline: TurnPipeline;
  logger?: Logger;
  /** The level of the one line logged per turn (ids, intent, flow; never text). Default info. */
  turnLogLevel?: 'info' | 'debug';
}

export function createConversationRunner(options: ConversationRunnerOptions): ConversationRunner {
  const { pipeline } = options;
  const logger = options.logger ?? silentLogger();
  const events = createEventBus<RunnerEvents>(logger);
  const queue = createKeyedQueue();
  const stages = new Set<RunnerStage>();
  const inflight = new Set<Promise<unknown>>();

  function track<T>(work: Promise<T>): Promise<T> {
    inflight.add(work);
    const done = () => inflight.delete(work);
    work.then(done, done);
    return work;
  }

  function fail(turn: TurnRef, stage: RunnerEvents['error']['stage'], error: unknown, message: string): void {
    logger.error({ conversationKey: turn.conversationKey, eventId: turn.eventId, platform: turn.platform, err: errorMessage(error) }, message);
    events.emit('error', { stage, error, turn });
  }

  async function tellStaff(turn: TurnRef, result: TurnResult, delivery: TurnDelivery): Promise<void> {
    const summary = result.handoffSummary;
    if (!summary) return;
    if (!delivery.notifyStaff) {
      logger.warn({ conversationKey: turn.conversationKey, reason: summary.reason }, 'handoff requested, but no staff channel is configured for this platform: no one was told');
      return;
    }
    try {
      if ((await delivery.notifyStaff(summary, result)) !== false) events.emit('staff:notified', { turn, summary });
    } catch (error) {
      fail(turn, 'staff', error, 'could not post the handoff summary');
    }
  }

  async function turnOf(message: IncomingMessage, delivery: TurnDelivery, queuedAt: number): Promise<RunOutcome> {
    const turn = turnRefOf(message);
    const started = performance.now();
    events.emit('turn:started', { turn, queuedMs: started - queuedAt });
    const hooks: TurnHooks = delivery.removeSecret ? { removeSecret: (kinds) => delivery.removeSecret!(kinds) } : {};
    let result: TurnResult;
    try {
      result = await pipeline.handle(message, hooks);
    } catch (error) {
      // The pipeline answers its own failures; a throw means the message itself was unusable.
      const ref = randomBytes(4).toString('hex');
      fail(turn, 'turn', error, `message not handled (reference ${ref})`);
      await delivery.deliver([{ text: APOLOGY_TEXT(ref), buttons: [], citations: [] }]).catch(() => undefined);
      return { status: 'failed', error };
    }
    if (result.duplicate) {
      logger.info({ platform: turn.platform, conversationKey: turn.conversationKey, eventId: turn.eventId }, 'repeated event ignored');
      events.emit('turn:duplicate', { turn });
      return { status: 'duplicate', result };
    }
    events.emit('turn:finished', { turn, result, durationMs: performance.now() - started });
    logger[options.turnLogLevel ?? 'info'](
      {
        platform: turn.platform,
        conversationKey: turn.conversationKey,
        eventId: turn.eventId,
        intent: result.intent,
        flow: result.flow,
        step: result.step,
        replies: result.replies.length,
        redactions: result.redactions,
        handoff: result.handoff,
        ...(result.errorRef ? { errorRef: result.errorRef } : {}),
      },
      'turn',
    );

    let outcome: RunOutcome = { status: 'delivered', result };
    const posting = performance.now();
    try {
      await delivery.deliver(result.replies, result);
      events.emit('delivered', { turn, replies: result.replies.length, durationMs: performance.now() - posting });
    } catch (error) {
      fail(turn, 'deliver', error, 'could not deliver the replies');
      outcome = { status: 'failed', error, result };
    }
    // Staff hear of a handoff even when the person's copy failed to post.
    await tellStaff(turn, result, delivery);
    for (const stage of stages) {
      try {
        await stage.afterDeliver({ turn, result, delivery });
      } catch (error) {
        fail(turn, 'stage', error, `runner stage ${stage.name} failed`);
      }
    }
    return outcome;
  }

  return {
    run(message, delivery) {
      const queuedAt = performance.now();
      return track(queue.run(message.conversationKey, () => turnOf(message, delivery, queuedAt)));
    },
    exclusive(conversationKey, work) {
      return track(queue.run(conversationKey, work));
    },
    use(stage) {
      stages.add(stage);
      return () => void stages.delete(stage);
    },
    events,
    on: (event, listener) => events.on(event, listener),
    async idle() {
      while (inflight.size > 0) await Promise.allSettled([...inflight]);
    },
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
