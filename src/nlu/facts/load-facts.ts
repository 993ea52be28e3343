import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DataFileError } from '../../core/errors.js';
import { DEFAULT_INTENTS_DIR, displayPath } from '../paths.js';
import { factFileSchema, type FactDefinition } from './fact-file-schema.js';
import { compilePattern, FactPatternError, patternAnchorSets } from './fact-pattern.js';
import { parseYamlData } from '../../core/data-file.js';
import { catalogueKey, readCachedCatalogue, writeCachedCatalogue } from './catalogue-cache.js';

export const DEFAULT_FACTS_DIR = path.join(DEFAULT_INTENTS_DIR, 'facts');

/** A pattern ready to run, with the value it gives its fact (if any) and where it was declared. */
export interface CompiledPattern {
  /** All of these must match, in any order ("{code} & never & {arrive}"); usually one. */
  expressions: RegExp[];
  /** Word sets the clause must hold one word of each for the pattern to match (see patternAnchorSets); undefined: none known. */
  anchors: (readonly string[] | undefined)[];
  value?: string;
  scope: 'clause' | 'message';
  /** Only right after these flow steps or topics. */
  after?: readonly string[];
  /** `file: facts[3].patterns[1]`, for messages and the facts command. */
  where: string;
}

export interface CompiledFact {
  definition: FactDefinition;
  file: string;
  patterns: CompiledPattern[];
  denials: CompiledPattern[];
  exceptions: CompiledPattern[];
}

export interface FactCatalogue {
  facts: CompiledFact[];
  groups: ReadonlyMap<string, readonly string[]>;
  /** Every literal word the patterns use: typo correction aims at these too. */
  words: ReadonlySet<string>;
}

const YAML_FILE = /\.ya?ml$/;

interface ParsedFile {
  shown: string;
  data: ReturnType<typeof factFileSchema.parse>;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new DataFileError(displayPath(file), '', `cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

export interface LoadFactsOptions {
  /** Keep the compiled catalogue here and reuse it while the YAML is unchanged (see catalogue-cache.ts). */
  cacheFile?: string;
}

/**
 * Loads and compiles the fact catalogue (intents/facts/*.yaml); synchronous, so the classifier
 * loads it beside its model. With `cacheFile`, an unchanged catalogue is read back compiled. Throws
 * DataFileError naming file and field for bad YAML, an unknown word group, a pattern that does not
 * compile, or a name used twice.
 */
export function loadFactCatalogue(dir: string = DEFAULT_FACTS_DIR, options: LoadFactsOptions = {}): FactCatalogue {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => YAML_FILE.test(name))
      .sort();
  } catch (error) {
    throw new DataFileError(displayPath(dir), '', `cannot read the facts directory (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const texts = names.map((name) => ({ name, text: readText(path.join(dir, name)) }));
  if (!options.cacheFile) return compileCatalogue(dir, texts);
  const key = catalogueKey(texts);
  const cached = readCachedCatalogue(options.cacheFile, key);
  if (cached) return cached;
  const catalogue = compileCatalogue(dir, texts);
  writeCachedCatalogue(options.cacheFile, key, catalogue);
  return catalogue;
}

function compileCatalogue(dir: string, texts: ReadonlyArray<{ name: string; text: string }>): FactCatalogue {
  const files: ParsedFile[] = texts.map(({ name, text }) => {
    const shown = displayPath(path.join(dir, name));
    return { shown, data: parseYamlData(shown, text, factFileSchema) };
  });

  const groups = new Map<string, readonly string[]>();
  const groupFile = new Map<string, string>();
  for (const { shown, data } of files) {
    for (const [name, entries] of Object.entries(data.groups)) {
      const first = groupFile.get(name);
      if (first) throw new DataFileError(shown, `groups.${name}`, `word group declared twice (also in ${first})`);
      groups.set(name, entries);
      groupFile.set(name, shown);
    }
  }

  const facts: CompiledFact[] = [];
  const factFile = new Map<string, string>();
  const words = new Set<string>();
  for (const { shown, data } of files) {
    data.facts.forEach((definition, i) => {
      const field = `facts[${i}]`;
      const first = factFile.get(definition.name);
      if (first) throw new DataFileError(shown, `${field}.name`, `fact "${definition.name}" declared twice (also in ${first})`);
      factFile.set(definition.name, shown);
      const compile = (list: ReadonlyArray<FactDefinition['patterns'][number]>, key: 'patterns' | 'denials' | 'except'): CompiledPattern[] =>
        list.map((entry, j) => {
          const where = `"${typeof entry === 'string' ? entry : entry.pattern}"`;
          const pattern = typeof entry === 'string' ? entry : entry.pattern;
          if ((pattern.match(/\{num\}/g) ?? []).length > 1) throw new DataFileError(shown, `${field}.${key}[${j}]`, 'at most one {num} per pattern');
          try {
            const scope = typeof entry === 'string' ? 'clause' : entry.scope;
            const parts = pattern.split(' & ');
            const expressions = parts.map((part) => compilePattern(part, groups, where, scope));
            // Every required part of every expression gives a word set; all must be in the clause.
            const anchors = parts.flatMap((part) => {
              const sets = patternAnchorSets(part, groups);
              return sets.length > 0 ? sets : [undefined];
            });
            for (const word of pattern.match(/[a-z][a-z0-9]{3,}(?![a-z0-9]*\*)/g) ?? []) words.add(word);
            if (typeof entry === 'string') return { expressions, anchors, where, scope: 'clause' as const };
            const compiled: CompiledPattern = { expressions, anchors, where, scope: entry.scope };
            if (entry.value !== undefined) compiled.value = entry.value;
            if (entry.after) compiled.after = entry.after;
            return compiled;
          } catch (error) {
            if (error instanceof FactPatternError) throw new DataFileError(shown, `${field}.${key}[${j}]`, error.message);
            throw error;
          }
        });
      facts.push({
        definition,
        file: shown,
        patterns: compile(definition.patterns, 'patterns'),
        denials: compile(definition.denials, 'denials'),
        exceptions: compile(definition.except, 'except'),
      });
    });
  }
  for (const { definition, file } of facts) {
    definition.unless.forEach((name, i) => {
      if (!factFile.has(name)) throw new DataFileError(file, `facts.${definition.name}.unless[${i}]`, `unknown fact "${name}"`);
    });
  }
  for (const entries of groups.values()) for (const entry of entries) for (const word of entry.match(/[a-z][a-z0-9]{3,}(?![a-z0-9]*\*)/g) ?? []) words.add(word);
  return { facts, groups, words };
}

let shipped: FactCatalogue | undefined;

/** The shipped catalogue (intents/facts/), loaded once. */
export function defaultFactCatalogue(): FactCatalogue {
  shipped ??= loadFactCatalogue(DEFAULT_FACTS_DIR);
  return shipped;
}
