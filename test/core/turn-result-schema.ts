import { z } from 'zod';
import { INTENTS } from '../../src/core/intents.js';
import { STATUSES, citationSchema, handoffSummarySchema, platformSchema, replySchema } from '../../src/core/types.js';

/** The TurnResult shape (src/core/types.ts) as a schema, for tests that check every turn's result. */
export const turnResultSchema = z
  .object({
    conversationKey: z.string().min(1),
    userId: z.string().min(1),
    platform: platformSchema,
    intent: z.enum(INTENTS).nullable(),
    confidence: z.number().min(0).max(1),
    flow: z.string().min(1).nullable(),
    step: z.string().min(1).nullable(),
    replies: z.array(replySchema),
    citations: z.array(citationSchema),
    handoff: z.boolean(),
    handoffSummary: handoffSummarySchema.optional(),
    duplicate: z.boolean(),
    redactedText: z.string().optional(),
    redactions: z.array(z.enum(['card_number', 'cvv', 'expiry', 'code', 'password', 'passport', 'email', 'phone'])),
    errorRef: z.string().regex(/^[0-9a-f]{8}$/).optional(),
    errorKind: z.string().min(1).optional(),
    rateLimited: z.literal(true).optional(),
    facts: z.array(z.string().regex(/^!?[a-z][a-z_]*(\.[a-z][a-z0-9_]*)?$/)).optional(),
    status: z.enum(STATUSES).nullable().optional(),
    label: z.string().min(1).optional(),
    signals: z.array(z.object({ kind: z.enum(['solved', 'flow_done', 'flow_paused', 'reprompt', 'fallback', 'feedback_offered', 'no_answer']) }).loose()).min(1).optional(),
  })
  .strict()
  .refine((r) => !r.duplicate || r.replies.length === 0, { message: 'a duplicate event must get no replies' })
  .refine((r) => r.replies.every((reply) => reply.text.trim() !== '' || reply.buttons.length > 0), { message: 'a reply has neither text nor buttons' })
  .refine((r) => r.handoff === (r.handoffSummary !== undefined), { message: 'handoff and handoffSummary disagree' })
  .refine((r) => (r.errorRef === undefined) === (r.errorKind === undefined), { message: 'errorRef and errorKind disagree' });
export type CheckedTurnResult = z.output<typeof turnResultSchema>;
