import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { FactDefinition } from './fact-file-schema.js';
import type { CompiledFact, CompiledPattern, FactCatalogue } from './load-facts.js';

/**
 * Parsing and compiling intents/facts/*.yaml takes about 280 ms: a third of a cold start. The
 * compiled catalogue is kept as JSON beside the model, under a key made from the YAML files and the
 * compiler's own code, and read back when the key matches. Anything else (no file, another key, a
 * file that does not read) compiles afresh: this file is only ever a shortcut.
 */
const CACHE_FORMAT = 1;

/** The compiler's modules: a change to how patterns compile must not reuse old regular expressions. */
const COMPILER_MODULES = ['fact-pattern', 'load-facts', 'fact-file-schema', 'catalogue-cache'];

const here = fileURLToPath(import.meta.url);

function compilerSource(): string {
  const extension = path.extname(here);
  return COMPILER_MODULES.map((name) => {
    try {
      return readFileSync(path.join(path.dirname(here), `${name}${extension}`), 'utf8');
    } catch {
      return name;
    }
  }).join('\0');
}

let compilerHash: string | undefined;

/** The key of a catalogue: its YAML files (name and text, in load order) and the compiler's code. */
export function catalogueKey(files: ReadonlyArray<{ name: string; text: string }>): string {
  compilerHash ??= createHash('sha256').update(compilerSource()).digest('hex');
  const hash = createHash('sha256').update(`${CACHE_FORMAT}\0${compilerHash}`);
  for (const { name, text } of files) hash.update(`\0${name}\0${text}`);
  return hash.digest('hex');
}

interface StoredPattern extends Omit<CompiledPattern, 'expressions' | 'anchors'> {
  expressions: Array<{ source: string; flags: string }>;
  anchors: Array<readonly string[] | null>;
}

const storedPatternSchema = z.object({
  expressions: z.array(z.object({ source: z.string(), flags: z.string() })),
  anchors: z.array(z.array(z.string()).nullable()),
  value: z.string().optional(),
  scope: z.enum(['clause', 'message']),
  after: z.array(z.string()).optional(),
  where: z.string(),
});

/** The envelope and the compiled parts are checked; definitions were validated when compiled. */
const cacheFileSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  key: z.string(),
  groups: z.array(z.tuple([z.string(), z.array(z.string())])),
  words: z.array(z.string()),
  facts: z.array(
    z.object({
      definition: z.looseObject({ name: z.string() }),
      file: z.string(),
      patterns: z.array(storedPatternSchema),
      denials: z.array(storedPatternSchema),
      exceptions: z.array(storedPatternSchema),
    }),
  ),
});

function storePattern(pattern: CompiledPattern): StoredPattern {
  return {
    ...pattern,
    expressions: pattern.expressions.map((e) => ({ source: e.source, flags: e.flags })),
    anchors: pattern.anchors.map((a) => a ?? null),
  };
}

function restorePattern(stored: z.output<typeof storedPatternSchema>): CompiledPattern {
  const { expressions, anchors, value, after, ...rest } = stored;
  const pattern: CompiledPattern = { ...rest, expressions: expressions.map((e) => new RegExp(e.source, e.flags)), anchors: anchors.map((a) => a ?? undefined) };
  if (value !== undefined) pattern.value = value;
  if (after !== undefined) pattern.after = after;
  return pattern;
}

/** The cached catalogue when `file` holds one made under `key`; undefined otherwise. */
export function readCachedCatalogue(file: string, key: string): FactCatalogue | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const parsed = cacheFileSchema.safeParse(raw);
  if (!parsed.success || parsed.data.key !== key) return undefined;
  const facts: CompiledFact[] = parsed.data.facts.map((f) => ({
    definition: f.definition as unknown as FactDefinition,
    file: f.file,
    patterns: f.patterns.map(restorePattern),
    denials: f.denials.map(restorePattern),
    exceptions: f.exceptions.map(restorePattern),
  }));
  return { facts, groups: new Map(parsed.data.groups), words: new Set(parsed.data.words) };
}

/**
 * Writes the compiled catalogue atomically (temp file + rename). A folder that cannot be written
 * (a read-only install) only costs the next start its shortcut, so the error is not raised.
 */
export function writeCachedCatalogue(file: string, key: string, catalogue: FactCatalogue): boolean {
  const body = {
    format: CACHE_FORMAT,
    key,
    groups: [...catalogue.groups],
    words: [...catalogue.words],
    facts: catalogue.facts.map((f) => ({
      definition: f.definition,
      file: f.file,
      patterns: f.patterns.map(storePattern),
      denials: f.denials.map(storePattern),
      exceptions: f.exceptions.map(storePattern),
    })),
  };
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(body));
    renameSync(temp, file);
    return true;
  } catch {
    rmSync(temp, { force: true });
    return false;
  }
}
