import { z } from 'zod';

/** What a store keeps for one conversation (the port's ConversationRecord), checked on every read. */
export const conversationRecordSchema = z.object({
  key: z.string().min(1),
  version: z.number().int().positive(),
  state: z.unknown(),
  updatedAt: z.number().int().nonnegative(),
});
export type StoredConversation = z.output<typeof conversationRecordSchema>;

/** "field: problem" of the first zod issue, for one clear log line. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'does not match the schema';
  return `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
}
