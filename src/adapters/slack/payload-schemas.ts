/**
 * The parts of Slack's payloads the adapter reads, checked with zod. Slack adds fields all the
 * time, so every object is loose: only what we use must be there and of the right type.
 */
import { z } from 'zod';

/** A `message` event (DMs, and replies in threads the bot is part of). */
export const messageEventSchema = z.looseObject({
  type: z.literal('message'),
  subtype: z.string().optional(),
  channel: z.string().min(1),
  channel_type: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().optional(),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
});

/** An `app_mention` event: someone wrote @bot in a channel. */
export const appMentionEventSchema = z.looseObject({
  type: z.literal('app_mention'),
  channel: z.string().min(1),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().optional(),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
});

/** The envelope of every Events API event: the event id deduplicates Slack's retries. */
export const eventEnvelopeSchema = z.looseObject({
  team_id: z.string().min(1),
  event_id: z.string().min(1),
});

/** A Block Kit block as Slack echoes it back in `message.blocks`; kept as it is. */
const blockSchema = z.looseObject({ type: z.string(), block_id: z.string().optional() });
export type SlackBlock = z.output<typeof blockSchema>;

/** A button click (`block_actions`). */
export const blockActionsSchema = z.looseObject({
  type: z.literal('block_actions'),
  trigger_id: z.string().min(1).optional(),
  user: z.looseObject({ id: z.string().min(1) }),
  team: z.looseObject({ id: z.string().min(1) }).nullable().optional(),
  container: z
    .looseObject({
      channel_id: z.string().optional(),
      message_ts: z.string().optional(),
      thread_ts: z.string().optional(),
    })
    .optional(),
  channel: z.looseObject({ id: z.string().min(1) }).optional(),
  message: z
    .looseObject({
      ts: z.string().min(1),
      thread_ts: z.string().optional(),
      text: z.string().optional(),
      blocks: z.array(blockSchema).optional(),
    })
    .optional(),
  actions: z
    .array(
      z.looseObject({
        action_id: z.string().min(1),
        block_id: z.string().optional(),
        value: z.string().optional(),
        action_ts: z.string().optional(),
        text: z.looseObject({ text: z.string() }).optional(),
      }),
    )
    .min(1),
});
export type BlockActions = z.output<typeof blockActionsSchema>;

/** A slash command invocation. */
export const slashCommandSchema = z.looseObject({
  command: z.string().min(1),
  text: z.string().optional().default(''),
  user_id: z.string().min(1),
  team_id: z.string().min(1),
  channel_id: z.string().min(1),
  trigger_id: z.string().min(1),
});

/** The answer of `auth.test`: who the bot is in this workspace. */
export const authTestSchema = z.looseObject({
  url: z.string().optional(),
  user_id: z.string().min(1),
  bot_id: z.string().min(1).optional(),
  team_id: z.string().min(1),
});

/** Turns zod issues into one short log-friendly line (no payload values). */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}
