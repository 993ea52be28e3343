import type { Logger } from '../logger.js';
import { ALREADY_WITH_STAFF_REPLY, type OpenHandoffs } from '../open-handoffs.js';
import type { ConversationStore, DialogueInput, DialoguePolicy, IntentClassifier, KnowledgeBase, TurnSignal } from '../ports.js';
import { resolveEffects } from '../resolve-effects.js';
import { NO_CONTEXT, type IncomingMessage, type MessageExposure, type NluResult, type Platform, type TurnResult } from '../types.js';
import type { PreparedInput } from './prepare-input.js';

export interface StepParts {
  nlu: IntentClassifier;
  dialogue: DialoguePolicy;
  knowledge: KnowledgeBase;
  store: ConversationStore;
  staffPlatforms: readonly Platform[];
  handoffs: OpenHandoffs;
  now: () => number;
  logger: Logger;
}

/**
 * The stateful heart of a turn, under the conversation's lock: load the state, NLU, the pure
 * dialogue step, knowledge, then store. The write comes last: a turn whose state was not stored
 * was not acknowledged.
 */
export function stepConversation(parts: StepParts, message: IncomingMessage, prepared: PreparedInput, exposure: MessageExposure | undefined, ref: string): Promise<TurnResult> {
  const { nlu, dialogue, knowledge, store } = parts;
  const { cleaned, text: redactedText, action: redactedAction, redactions } = prepared;

  return store.withLock(message.conversationKey, async () => {
    const record = await store.get(message.conversationKey);
    const at = parts.now();
    const state = record ? readState(parts, record.state, at, message.conversationKey, ref) : dialogue.initialState(at);

    // Understanding reads the message against where the conversation is (a follow-up leans on the last topic).
    const nluResult: NluResult | null = redactedText ? nlu.parse(redactedText.text, dialogue.context?.(state, at) ?? NO_CONTEXT) : null;
    const input: DialogueInput = {
      message: {
        platform: message.platform,
        conversationKey: message.conversationKey,
        userId: message.userId,
        receivedAt: message.receivedAt,
        ...(redactedText ? { text: redactedText.text } : {}),
        ...(redactedAction ? { action: redactedAction.text } : {}),
      },
      nlu: nluResult,
      redactions,
      ...(exposure ? { exposure } : {}),
      notes: cleaned?.notes ?? [],
      staffAvailable: parts.staffPlatforms.includes(message.platform),
      now: at,
    };
    const stepped = dialogue.step(state, input);
    const resolved = resolveEffects(stepped.effects, knowledge);
    // One open handoff per person: a second request elsewhere changes nothing and sends no summary.
    const refused =
      resolved.handoff !== undefined &&
      input.staffAvailable &&
      !(await parts.handoffs.open(`${message.platform}:${message.userId}`, message.conversationKey, dialogue.position(stepped.state), at));
    if (refused) {
      resolved.replies = [ALREADY_WITH_STAFF_REPLY];
      delete resolved.handoff;
    }
    // What the replies showed is part of the conversation: a follow-up is read against it.
    const remembered = dialogue.remember ? dialogue.remember(stepped.state, resolved.citations) : stepped.state;
    const next = refused ? state : remembered;
    // The turn that ends or puts aside a task reports the step it ended at ("fixed", "paused_later"):
    // the task is over after it, but this turn was its last step.
    const ended = stepped.signals?.find((s): s is Extract<TurnSignal, { kind: 'flow_done' | 'flow_paused' }> => s.kind === 'flow_done' || s.kind === 'flow_paused');
    const after = dialogue.position(next);
    const position = after.flow === null && ended && !refused ? { flow: ended.flow, step: ended.step } : after;

    const version = record?.version ?? 0;
    await store.put({ key: message.conversationKey, version: version + 1, state: next, updatedAt: at }, version);

    const result: TurnResult = {
      conversationKey: message.conversationKey,
      userId: message.userId,
      platform: message.platform,
      intent: nluResult?.intent ?? null,
      confidence: nluResult?.confidence ?? 1,
      flow: position.flow,
      step: position.step,
      replies: resolved.replies,
      citations: resolved.citations,
      handoff: resolved.handoff !== undefined,
      duplicate: false,
      redactions,
    };
    if (redactedText) result.redactedText = redactedText.text;
    if (nluResult) {
      result.facts = nluResult.facts.map((f) => `${f.negated ? '!' : ''}${f.name}`);
      result.status = nluResult.status;
      if (nluResult.label !== undefined) result.label = nluResult.label;
    }
    const signals = [...(stepped.signals ?? []), ...(resolved.noAnswer ? [{ kind: 'no_answer' as const }] : [])];
    if (signals.length > 0) result.signals = signals;
    if (resolved.handoff) {
      result.handoffSummary = { ...resolved.handoff, userId: message.userId, conversationKey: message.conversationKey, platform: message.platform };
    }
    return result;
  });
}

/** A stored state we can no longer read must not trap the person: start fresh, say so in the log. */
function readState(parts: StepParts, raw: unknown, at: number, conversationKey: string, ref: string): unknown {
  try {
    return parts.dialogue.parseState(raw);
  } catch (error) {
    parts.logger.warn({ ref, conversationKey, err: String(error) }, 'stored state unreadable; starting fresh');
    return parts.dialogue.initialState(at);
  }
}
