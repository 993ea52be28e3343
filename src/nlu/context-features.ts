/**
 * The conversation so far as classifier features: `ctx:flow:payment_declined` while a task is in
 * progress, else `ctx:topic:limits` after an answer about limits. Learned from the training rows
 * that come with their context, so the model itself learns how much each context shifts each
 * reading ("it's a debit card" mid-diagnosis is still the declined payment), beside the prior.
 */
import type { UnderstandingContext } from '../core/types.js';

export function contextFeatureKeys(context: UnderstandingContext | null | undefined): string[] {
  if (!context) return [];
  if (context.flow) return [`ctx:flow:${context.flow}`];
  if (context.topic) return [`ctx:topic:${context.topic}`];
  return [];
}
