import { z } from 'zod';
import { INTENTS } from '../core/intents.js';

/** Article and section ids: lower-case words joined by hyphens, as in URLs (`link-card`, `add-a-card`). */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, e.g. "add-a-card"');

export const intentNameSchema = z.enum(INTENTS);

/**
 * The everyday questions a section answers (`<!-- asks: … | … -->`), in our own words: they are
 * indexed as their own field so a question worded unlike the section text still finds it.
 */
export const sectionAsksSchema = z
  .array(z.string().min(3, 'a question needs at least 3 characters').max(240, 'keep a question under 240 characters'))
  .min(1, 'name at least one question')
  .max(60, 'keep it to 60 questions or fewer: the ways people really ask, not every variant')
  .refine((qs) => new Set(qs.map((q) => q.toLowerCase())).size === qs.length, 'lists a question twice');
export type SectionAsks = z.output<typeof sectionAsksSchema>;

/** A section id, `article#section`. */
export const sectionIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*#[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a section id "article#section"');

const trainingQuestionText = z.string().trim().min(3, 'a question needs at least 3 characters').max(600, 'keep a question under 600 characters');

/**
 * knowledge/questions/<article>.yaml: more ways people ask for each of the article's sections, in
 * our own words (section anchor → questions). Unlike `asks` they only train the section
 * classifier: long, messy questions teach it how people write, but would blur BM25's asks field.
 * A follow-up names the section the bot had just shown (`after`): it is learned with a mark of
 * that section, as the classifier reads a follow-up ("how many digits" after the payment password).
 */
export const articleQuestionsFileSchema = z.record(
  slugSchema,
  z
    .array(z.union([trainingQuestionText, z.strictObject({ q: trainingQuestionText, after: sectionIdSchema })]))
    .min(1, 'name at least one question'),
);

/** A guide key from knowledge/sources.yaml, or several. */
const sourceListSchema = z.union([slugSchema.transform((s) => [s]), z.array(slugSchema).min(1)]);

/** The front matter every article in knowledge/ starts with. Unknown keys are refused to catch typos. */
export const articleFrontMatterSchema = z.strictObject({
  /** Must equal the file name without `.md`; the first half of every section id. */
  id: slugSchema,
  title: z.string().trim().min(1, 'must not be empty'),
  /** The intents this article answers; sections inherit them unless they say otherwise. */
  intents: z.array(intentNameSchema).min(1, 'name at least one intent'),
  /** The guide(s) the facts come from: keys of knowledge/sources.yaml. */
  source: sourceListSchema,
});
export type ArticleFrontMatter = z.output<typeof articleFrontMatterSchema>;

/** knowledge/sources.yaml: each source guide's key, human-readable title and original file. */
export const sourceGuideSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty'),
  file: z.string().trim().min(1, 'must not be empty'),
});
export const sourcesFileSchema = z.record(slugSchema, sourceGuideSchema);
export type SourcesFile = z.output<typeof sourcesFileSchema>;
