import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { parseEnv } from '../../config/env.js';
import { renderReportHtml } from '../../insights/render-html.js';
import type { ReportData } from '../../insights/report-data.js';
import { openInsightsFor, parseSince, reportFrom } from '../insights/report-context.js';
import { STORE_OPTION_HELP } from '../store-option.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('what the bot solved, where it failed and what it misunderstood, from the stored conversations (HTML page, or --json)')
    .option('--since <period>', 'how far back: 7d, 24h, 90m or a date like 2026-11-01', '7d')
    .option('--out <file>', 'write the HTML report here (default: supportbot-report.html unless --json)')
    .option('--json', 'print the numbers as JSON on stdout')
    .option('--store <path>', STORE_OPTION_HELP)
    .action(async (options: { since: string; out?: string; json?: boolean; store?: string }) => {
      await runReport(options);
    });
}

/** The page drops each group's full message list (the inbox has it); --json keeps up to 50 per group. */
function forPage(data: ReportData): ReportData {
  return { ...data, misunderstood: data.misunderstood.map(({ texts: _texts, ...group }) => group) };
}
function forJson(data: ReportData): ReportData {
  return { ...data, misunderstood: data.misunderstood.map((group) => ({ ...group, texts: (group.texts ?? []).slice(0, 50) })) };
}

export async function runReport(options: { since: string; out?: string; json?: boolean; store?: string }, out: NodeJS.WritableStream = process.stdout): Promise<ReportData> {
  const env = parseEnv();
  const now = Date.now();
  const since = parseSince(options.since, now);
  const store = await openInsightsFor(options.store, env);
  let data: ReportData;
  try {
    data = await reportFrom({ store, since, now, idleMs: env.IDLE_TIMEOUT_MINUTES * 60_000 });
  } finally {
    await store.close();
  }
  if (options.json) out.write(`${JSON.stringify(forJson(data), null, 2)}\n`);
  if (options.out || !options.json) {
    const file = path.resolve(options.out ?? 'supportbot-report.html');
    const html = renderReportHtml(forPage(data));
    await writeFile(file, html);
    const summary = `${data.conversations} conversations, containment ${(data.containmentRate * 100).toFixed(1)}%, ${data.handoffs} handed to a person, fallback ${(data.fallbackRate * 100).toFixed(1)}% of messages, feedback ${data.feedback.up} up / ${data.feedback.down} down`;
    // With --json, stdout is the JSON only.
    (options.json ? process.stderr : out).write(`report: ${file} (${Math.round(html.length / 1024)} KB): ${summary}\n`);
  }
  return data;
}
