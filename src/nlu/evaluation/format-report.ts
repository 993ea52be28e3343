import type { EvaluationResult } from './evaluate.js';
import { topConfusions } from './metrics.js';

const pct = (x: number) => (x * 100).toFixed(1);

export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, leftColumns = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i < leftColumns ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The human-readable `supportbot eval` output: summary, per-intent table, confusion matrix. */
export function formatReport(result: EvaluationResult): string {
  const intents = Object.keys(result.perIntent);
  const summary = [
    `${result.method}: ${result.total} utterances`,
    `accuracy ${pct(result.accuracy)}%   macro-F1 ${pct(result.macroF1)}%   out-of-scope precision ${pct(result.outOfScope.precision)}% recall ${pct(result.outOfScope.recall)}%`,
    `latency per utterance: mean ${result.latencyMs.mean.toFixed(3)} ms, p50 ${result.latencyMs.p50.toFixed(3)} ms, p99 ${result.latencyMs.p99.toFixed(3)} ms`,
  ].join('\n');
  const perIntent = formatTable(
    ['intent', 'precision', 'recall', 'F1', 'support'],
    intents.map((intent) => {
      const s = result.perIntent[intent];
      return [intent, pct(s?.precision ?? 0), pct(s?.recall ?? 0), pct(s?.f1 ?? 0), String(s?.support ?? 0)];
    }),
  );
  // Confusion matrix: rows are the true intents, columns the predictions (short column names).
  const short = intents.map((_, i) => `#${i + 1}`);
  const matrix = formatTable(
    ['true \\ predicted', ...short],
    intents.map((gold, i) => [`${short[i]} ${gold}`, ...intents.map((predicted) => String(result.confusion[gold]?.[predicted] ?? 0))]),
  );
  const confusions = topConfusions(result, 8)
    .map((c) => `  ${c.gold} → ${c.predicted}: ${c.count}`)
    .join('\n');
  const { calibration } = result;
  const reliability = formatTable(
    ['confidence', 'predictions', 'mean confidence', 'accuracy'],
    calibration.bins.map((b) => [`${b.from.toFixed(1)}–${b.to.toFixed(1)}`, String(b.count), pct(b.confidence), pct(b.accuracy)]),
  );
  const margins = formatTable(
    ['margin top1−top2 <', 'share', 'accuracy below', 'accuracy above'],
    calibration.margins.map((m) => [m.below.toFixed(2), pct(m.share), pct(m.accuracyBelow), pct(m.accuracyAbove)]),
  );
  const calibrationText = `calibration (expected calibration error ${pct(calibration.ece)} points)\n${reliability}\n\nclose calls (when to ask "did you mean A or B?")\n${margins}`;
  return `${summary}\n${formatUnderstanding(result)}\n${perIntent}\n\nconfusion matrix (rows: true intent, columns: predicted)\n${matrix}\n\nmost common confusions\n${confusions || '  none'}\n\n${calibrationText}\n`;
}

/** The real-style scores, when the rows carry them: facts, status, questions, follow-ups. */
function formatUnderstanding(result: EvaluationResult): string {
  const u = result.understanding;
  const lines = [`messages of ours called out of scope: ${u.inScopeCalledOutOfScope}`];
  if (u.withContext) lines.push(`intent accuracy with a previous topic (follow-ups, mid-flow): ${pct(u.withContext.accuracy)}% of ${u.withContext.rows}`);
  if (u.status) lines.push(`status accuracy: ${pct(u.status.accuracy)}% of ${u.status.rows}`);
  if (u.asksQuestion) lines.push(`asks-a-question accuracy: ${pct(u.asksQuestion.accuracy)}% of ${u.asksQuestion.rows}`);
  if (!u.facts) return `${lines.join('\n')}\n`;
  const facts = u.facts;
  lines.push(`facts: precision ${pct(facts.precision)}%   recall ${pct(facts.recall)}%   F1 ${pct(facts.f1)}%   (${facts.support} stated in ${facts.rows} messages)`);
  if (facts.unscored.length > 0) lines.push(`not scored (the set never labels them): ${facts.unscored.join(', ')}`);
  const table = formatTable(
    ['fact', 'precision', 'recall', 'F1', 'support'],
    Object.entries(facts.perFact).map(([name, s]) => [name, pct(s.precision), pct(s.recall), pct(s.f1), String(s.support)]),
  );
  return `${lines.join('\n')}\n\n${table}\n`;
}
