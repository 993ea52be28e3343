import { z } from 'zod';

const stringOrList = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

/** `/pattern/flags` or a bare pattern. */
const regexSource = z.string().refine(
  (s) => {
    try {
      toRegExp(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be a valid regular expression, e.g. /declin(ed|e)/i' },
);

export function toRegExp(source: string): RegExp {
  const m = /^\/(.*)\/([a-z]*)$/s.exec(source);
  return m ? new RegExp(m[1] ?? '', m[2]) : new RegExp(source, 'i');
}

/** What a turn can be: one of these keys. */
export const TURN_KINDS = ['user', 'click', 'action', 'staff', 'claim', 'handBack', 'close', 'timeout'] as const;

/** What the bot must do at one turn. Every field is optional; only what is given is checked. */
export const expectationSchema = z
  .object({
    intent: z.string().nullable().optional(),
    /** Any of these intents is acceptable (for utterances two intents may fairly claim). */
    intentOneOf: z.array(z.string()).optional(),
    flow: z.string().nullable().optional(),
    step: z.string().nullable().optional(),
    /** Every string must appear in the bot's replies (case-insensitive). */
    contains: stringOrList.optional(),
    /** Every pattern must match the bot's replies. */
    matches: z.union([regexSource, z.array(regexSource)]).transform((v) => (Array.isArray(v) ? v : [v])).optional(),
    /** At least one of these strings must appear. */
    oneOf: z.array(z.string()).min(1).optional(),
    /** None of these may appear (e.g. a pasted card number). */
    notContains: stringOrList.optional(),
    /** These buttons (labels or values) must be offered. */
    buttons: z.array(z.string()).optional(),
    /** These knowledge section ids must be cited. */
    citations: z.array(z.string()).optional(),
    /** At least one of these sections must be cited (a searched answer may fairly pick either). */
    citationOneOf: z.array(z.string()).min(1).optional(),
    handoff: z.boolean().optional(),
    /** The bot stays silent (no replies), e.g. after a handoff. */
    silent: z.boolean().optional(),
    /** Every string must appear in what the staff thread received during this turn (live agent). */
    staffSees: stringOrList.optional(),
    /** None of these may appear in what the staff thread received (e.g. a pasted card number). */
    staffNotSees: stringOrList.optional(),
  })
  .strict();
export type Expectation = z.output<typeof expectationSchema>;

const durationSchema = z
  .string()
  .regex(/^\d+(ms|s|m|h)$/, 'must be a duration like 90s, 31m or 2h')
  .transform((s) => {
    const m = /^(\d+)(ms|s|m|h)$/.exec(s);
    const n = Number(m?.[1]);
    const unit = m?.[2];
    return n * (unit === 'h' ? 3_600_000 : unit === 'm' ? 60_000 : unit === 's' ? 1000 : 1);
  });

/**
 * One turn. The person's: typed text (`user`), a click on an offered button by its label
 * (`click`), or a raw button value (`action`). Staff's, through the live agent (docs/live-agent.md):
 * a message in the staff thread (`staff`, from the staff member named by `as`), `claim` (by that
 * name), `handBack` (true, or the note for the bot), `close`, or `timeout` (the claim timeout
 * passes with nobody claiming). The expectations then check what the person received.
 */
export const turnSchema = z
  .object({
    user: z.string().optional(),
    click: z.string().optional(),
    action: z.string().optional(),
    staff: z.string().optional(),
    /** The staff member's display name for `staff`, `handBack` and `close` (default Sam). */
    as: z.string().min(1).optional(),
    claim: z.string().min(1).optional(),
    handBack: z.union([z.literal(true), z.string()]).optional(),
    close: z.literal(true).optional(),
    timeout: z.literal(true).optional(),
    /** Advance the fixed clock before this turn (idle timeouts). */
    after: durationSchema.optional(),
    expect: expectationSchema.optional(),
  })
  .strict()
  .refine((t) => TURN_KINDS.filter((k) => t[k] !== undefined).length === 1, {
    message: `each turn needs exactly one of ${TURN_KINDS.join(', ')}`,
  })
  .refine((t) => t.as === undefined || t.staff !== undefined || t.handBack !== undefined || t.close !== undefined, { message: '"as" names the staff member of a staff, handBack or close turn' });
export type TranscriptTurn = z.output<typeof turnSchema>;

export const transcriptSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    /** The fixed clock's start (ISO time); each turn advances it by one second. */
    clock: z.iso.datetime({ offset: true }).optional(),
    /** The user id the turns come from. */
    userId: z.string().min(1).optional(),
    /** Optional starting dialogue state (validated by the dialogue policy). */
    state: z.unknown().optional(),
    tags: z.array(z.string()).optional(),
    turns: z.array(turnSchema).min(1),
  })
  .strict();
export type Transcript = z.output<typeof transcriptSchema>;
export type TranscriptInput = z.input<typeof transcriptSchema>;
