// `npx tsx scripts/tune-knowledge.ts [--folds 5] [--weights 0,0.25,0.5]`: how the retrieval settings
// were chosen. Cross-validation on the asks questions (each fold's asks are removed from both the
// BM25 index and the classifier's training, then searched), plus the tuning question sets. The
// real-style TEST set is never read here: it is reported by `supportbot kb eval` only.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createKnowledgeBase, type KnowledgeBaseOptions } from '../src/knowledge/create-knowledge-base.js';
import { evaluateRetrieval, readQuestions } from '../src/knowledge/evaluate-retrieval.js';
import { indexSections, type KnowledgeIndexFile } from '../src/knowledge/knowledge-index-file.js';
import { DEFAULT_KNOWLEDGE_DIR, PACKAGE_ROOT } from '../src/knowledge/knowledge-paths.js';
import type { ArticleSection } from '../src/knowledge/parse-article.js';
import { FIELD_WEIGHTS, type FieldWeights } from '../src/knowledge/search-index-data.js';
import { loadClassifier } from '../src/nlu/load-classifier.js';
import type { KnowledgeBase } from '../src/core/ports.js';
import { parseKnowledgeFiles, readKnowledgeFiles } from '../src/knowledge/read-knowledge-dir.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const folds = Number(arg('folds') ?? 5);
const weights = (arg('weights') ?? '0,0.2,0.35,0.5,0.65,0.8,1').split(',').map(Number);
const TUNING_SETS = [
  'questions.yaml',
  'questions-holdout.yaml',
  'questions-holdout-2.yaml',
  'questions-holdout-3.yaml',
  'questions-holdout-4.yaml',
  'questions-blind.yaml',
  'questions-followups.yaml',
  'questions-real-style-dev.yaml',
];

const { sections, articles } = parseKnowledgeFiles(readKnowledgeFiles(DEFAULT_KNOWLEDGE_DIR));
const pct = (x: number): string => `${(x * 100).toFixed(1)}`.padStart(5);

const training = arg('training') ? (JSON.parse(arg('training') ?? '{}') as Record<string, number>) : {};
const fieldWeights = arg('fields') ? { ...FIELD_WEIGHTS, ...(JSON.parse(arg('fields') ?? '{}') as Partial<FieldWeights>) } : FIELD_WEIGHTS;
const extra = arg('options') ? (JSON.parse(arg('options') ?? '{}') as KnowledgeBaseOptions) : {};
const confusions = new Map<string, number>();
function settingsFor(weight: number): KnowledgeBaseOptions {
  return { ...extra, classifierWeight: weight };
}

/** Fold f holds every `folds`-th ask of each section, so every section loses some in every fold. */
function crossValidate(): Map<number, { top1: number; top3: number; n: number }> {
  const totals = new Map(weights.map((w) => [w, { top1: 0, top3: 0, n: 0 }]));
  for (let f = 0; f < folds; f++) {
    const held: Array<{ q: string; id: string }> = [];
    const kept: ArticleSection[] = sections.map((s) => {
      const asks = s.asks ?? [];
      const keep = asks.filter((_, i) => i % folds !== f);
      asks.forEach((q, i) => i % folds === f && held.push({ q, id: s.id }));
      return { ...s, asks: keep };
    });
    const data: KnowledgeIndexFile = indexSections(kept, `fold-${f}`, { articles, training, fieldWeights });
    for (const w of weights) {
      const kb = createKnowledgeBase(data, settingsFor(w));
      const t = totals.get(w)!;
      for (const { q, id } of held) {
        const got = kb.search(q, { limit: 3 }).map((r) => r.section.id);
        t.n++;
        if (got[0] === id) t.top1++;
        if (got.includes(id)) t.top3++;
        if (got[0] !== id && w === weights[Math.floor(weights.length / 2)]) {
          const key = `${id} -> ${got[0] ?? '(none)'}`;
          confusions.set(key, (confusions.get(key) ?? 0) + 1);
        }
      }
    }
  }
  return totals;
}

// --with-intents: search as the dialogue does, with the intent model's best intent as a hint.
const nlu = process.argv.includes('--with-intents') ? await loadClassifier() : undefined;
function withIntents(kb: KnowledgeBase): KnowledgeBase {
  if (!nlu) return kb;
  return {
    section: (id) => kb.section(id),
    search: (q, options = {}) => kb.search(q, { ...options, intents: [nlu.parse(q).intent] }),
  };
}

const started = Date.now();
const full = indexSections(sections, 'full', { articles, training, fieldWeights });
process.stderr.write(`index built in ${Date.now() - started} ms; ${sections.length} sections, ${sections.reduce((n, s) => n + (s.asks?.length ?? 0), 0)} asks\n`);
const sets = TUNING_SETS.map((name) => path.join(PACKAGE_ROOT, 'test', 'knowledge', name)).filter((f) => existsSync(f));
const header = ['weight', 'asks-cv t1/t3', ...sets.map((f) => path.basename(f, '.yaml').replace('questions-', '').replace('questions', 'base'))];
process.stdout.write(`${header.join(' | ')}\n`);
const cv = process.argv.includes('--no-cv') ? new Map(weights.map((w) => [w, { top1: 0, top3: 0, n: 1 }])) : crossValidate();
for (const w of weights) {
  const kb = createKnowledgeBase(full, settingsFor(w));
  const c = cv.get(w)!;
  const cells = [String(w).padEnd(6), `${pct(c.top1 / c.n)}/${pct(c.top3 / c.n)}`];
  for (const file of sets) {
    const r = evaluateRetrieval(withIntents(kb), readQuestions(file));
    const extras = [
      r.rejected.total ? `r${r.rejected.correct}/${r.rejected.total}` : '',
      r.withContext.total ? `ctx${r.withContext.top1}/${r.withContext.total}` : '',
      r.needsAll.total ? `all${r.needsAll.allShown}/${r.needsAll.total}` : '',
      r.secondParts.shown ? `2nd${r.secondParts.relevant}/${r.secondParts.shown}` : '',
    ].filter(Boolean);
    cells.push(`${pct(r.top1)}/${pct(r.top3)}${extras.length ? ` ${extras.join(' ')}` : ''}`);
  }
  process.stdout.write(`${cells.join(' | ')}\n`);
}
if (process.argv.includes('--confusions')) {
  for (const [k, n] of [...confusions].sort((a, b) => b[1] - a[1]).slice(0, 40)) process.stdout.write(`${n}  ${k}\n`);
}
