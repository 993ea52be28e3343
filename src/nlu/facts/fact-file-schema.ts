import { z } from 'zod';

const NON_EMPTY = 'must be a non-empty string';
const text = z.string({ error: NON_EMPTY }).trim().min(1, NON_EMPTY).max(300, 'must be at most 300 characters');

/** `error.insufficient_funds`, `status.solved`, `other_product`: lower case, at most one dot. */
export const factNameSchema = z.string().regex(/^[a-z][a-z_]*(\.[a-z][a-z0-9_]*)?$/, 'a fact name looks like area.name (lower case, underscores)');

// YAML reads a bare `1` as a number; in a pattern it is the word "1".
const patternText = z.preprocess(
  (value) => (typeof value === 'number' ? String(value) : value),
  z.string({ error: NON_EMPTY }).trim().min(1, NON_EMPTY).max(1000, 'must be at most 1000 characters'),
);

/**
 * A pattern (see fact-pattern.ts), or a pattern with options: the value the fact takes when it
 * matches; `scope: message` to match across clauses ("a man called … said he is from Alipay");
 * `after` to use it only right after those flow steps (`link_card.card_enabled`) or topics
 * (`limits`): "no, don't think it's on" says something only as an answer to that question.
 */
export const factPatternSchema = z.union([
  patternText,
  z
    .object({
      pattern: patternText,
      value: z.string().min(1).max(40).optional(),
      scope: z.enum(['clause', 'message']).default('clause'),
      after: z.array(z.string().regex(/^[a-z_]+(\.[a-z0-9_]+)?$/, 'a topic (intent) or flow.step')).min(1).optional(),
    })
    .strict(),
]);
export type FactPatternInput = z.output<typeof factPatternSchema>;

export const factDefinitionSchema = z
  .object({
    name: factNameSchema,
    description: text,
    /**
     * Whether "not X" is worth knowing: "I do have enough money" (insufficient funds, negated)
     * is; "no error" is not an error message (a negated match of a fact that is not negatable is
     * dropped). `denials`: only the declared denials give the negated fact, never a negation word.
     */
    negatable: z.union([z.boolean(), z.literal('denials')]).default(false),
    /**
     * How far a negation word reaches back: `near` (default) a few words ("not really a funds
     * problem"); `right_before` only a negation with at most articles and card names between
     * ("not a Visa debit"), for facts that name a thing: "can't add my Maestro" is still a Maestro.
     */
    negation: z.enum(['near', 'right_before']).default('near'),
    /** A positive reading in any clause outranks a denial in another ("I tapped it but didn't type anything"). */
    positiveWins: z.boolean().default(false),
    /**
     * false: only the dialogue reads it, not the intent classifier (how far a task got, such as a
     * block lifted, says nothing about which topic the message is).
     */
    classify: z.boolean().default(true),
    /**
     * Read inside a condition too: "if the supplier refuses…" or "whether PayPal works" is still
     * about a supplier order or PayPal. For facts that say what the message is about, not what happened.
     */
    inSuppositions: z.boolean().default(false),
    /** Not read in a question ("will it come back?" plans nothing): for statuses. */
    notInQuestions: z.boolean().default(false),
    patterns: z.array(factPatternSchema).min(1, 'needs at least one pattern'),
    /** Phrasings that state the opposite: they give the fact with `negated: true` (needs negatable). */
    denials: z.array(factPatternSchema).default([]),
    /**
     * A clause that matches one of these gives no positive reading ("direct debit" is not a debit
     * card); with `scope: message`, a message that matches one anywhere.
     */
    except: z.array(factPatternSchema).default([]),
    /** Facts that make this one redundant: a specific decline reason is not also "an error". */
    unless: z.array(factNameSchema).default([]),
    /** Messages that state the fact; a test checks each one. */
    examples: z.array(text).default([]),
    /** Messages that state the opposite (negatable facts). */
    negatedExamples: z.array(text).default([]),
    /** Messages that look close but must not give the fact. */
    counterexamples: z.array(text).default([]),
  })
  .strict()
  .superRefine((fact, ctx) => {
    if (fact.negatable === false && (fact.denials.length > 0 || fact.negatedExamples.length > 0)) {
      ctx.addIssue({ code: 'custom', path: ['denials'], message: 'denials and negatedExamples need negatable: true (or denials)' });
    }
  });
export type FactDefinition = z.output<typeof factDefinitionSchema>;

/** `intents/facts/<area>.yaml`: word groups the patterns share, and facts. */
export const factFileSchema = z
  .object({
    /** Named word groups, referred to as {name} in patterns; shared by every file. */
    groups: z.record(z.string().regex(/^[a-z][a-z_]*$/, 'group names are lower case with underscores'), z.array(patternText).min(1)).default({}),
    facts: z.array(factDefinitionSchema).default([]),
  })
  .strict();
export type FactFile = z.output<typeof factFileSchema>;
