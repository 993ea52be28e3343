import type { Command } from 'commander';
import { parseEnv } from '../../config/env.js';
import { InputError } from '../../core/errors.js';
import type { MisunderstoodGroup } from '../../insights/misunderstood.js';
import { DEFAULT_INTENTS_DIR } from '../../nlu/paths.js';
import { createPrivacyGuard } from '../../privacy/privacy-guard.js';
import { fileIntoIntents } from '../insights/file-into-intents.js';
import { openInsightsFor, parseSince, reportFrom } from '../insights/report-context.js';
import { STORE_OPTION_HELP } from '../store-option.js';

interface InboxOptions {
  since: string;
  store?: string;
}

export function registerInbox(program: Command): void {
  const inbox = program
    .command('inbox')
    .description('the messages the bot misunderstood, grouped; `inbox file` adds chosen ones to the training data')
    .option('--since <period>', 'how far back: 30d, 24h or a date like 2026-11-01', '30d')
    .option('--store <path>', STORE_OPTION_HELP)
    .option('--limit <n>', 'groups to list', '20')
    .option('--json', 'print the groups as JSON')
    .action(async (options: InboxOptions & { limit: string; json?: boolean }) => {
      const groups = await inboxGroups(options);
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new InputError('--limit: must be a whole number above 0');
      process.stdout.write(options.json ? `${JSON.stringify(groups.slice(0, limit), null, 2)}\n` : formatInbox(groups.slice(0, limit), groups.length));
    });
  inbox
    .command('file')
    .description('file a group (by its id) or a message into intents/<intent>.yaml, label <intent>.from_inbox; the next build trains on it')
    .argument('<target...>', 'a group id from `supportbot inbox`, or the text of a message')
    .requiredOption('--intent <intent>', 'the intent these messages mean')
    .option('--since <period>', 'the period the group ids come from', '30d')
    .option('--store <path>', STORE_OPTION_HELP)
    .option('--intents-dir <dir>', 'the training data folder', DEFAULT_INTENTS_DIR)
    .option('--dry-run', 'show what would be filed, write nothing')
    .action(async (target: string[], options: InboxOptions & { intent: string; intentsDir: string; dryRun?: boolean }) => {
      await runFile(target, options);
    });
}

export async function inboxGroups(options: InboxOptions): Promise<MisunderstoodGroup[]> {
  const env = parseEnv();
  const now = Date.now();
  const store = await openInsightsFor(options.store, env);
  try {
    const data = await reportFrom({ store, since: parseSince(options.since, now), now, idleMs: env.IDLE_TIMEOUT_MINUTES * 60_000 });
    return data.misunderstood as MisunderstoodGroup[];
  } finally {
    await store.close();
  }
}

export function formatInbox(groups: readonly MisunderstoodGroup[], total: number): string {
  if (groups.length === 0) return 'Nothing misunderstood in this period.\n';
  const lines = groups.map((g) => {
    const why = Object.entries(g.reasons)
      .map(([r, n]) => `${r.replace(/_/g, ' ')} ${n}`)
      .join(', ');
    const also = g.texts.length > 1 ? `\n           + ${g.texts.length - 1} similar: ${g.examples.slice(0, 3).map((t) => JSON.stringify(t)).join(', ')}` : '';
    return `${g.id}  ×${g.count}  ${JSON.stringify(g.text)}\n           now: ${g.suggestedIntent} (${Math.round(g.suggestedConfidence * 100)}%) · then: ${g.intentsThen.join(', ') || '-'} · ${why}${also}`;
  });
  return `${lines.join('\n')}\n\n${groups.length} of ${total} groups. File one: supportbot inbox file <id> --intent <intent>\n`;
}

async function runFile(target: string[], options: InboxOptions & { intent: string; intentsDir: string; dryRun?: boolean }): Promise<void> {
  const joined = target.join(' ').trim();
  let texts = [joined];
  if (/^[0-9a-f]{8}$/.test(joined)) {
    const group = (await inboxGroups(options)).find((g) => g.id === joined);
    if (!group) throw new InputError(`no misunderstood group "${joined}" in the last ${options.since}: list them with \`supportbot inbox\``);
    texts = group.texts;
  }
  const result = await fileIntoIntents(texts, options.intent, { intentsDir: options.intentsDir, privacy: createPrivacyGuard(), ...(options.dryRun ? { dryRun: true } : {}) });
  for (const text of result.added) process.stdout.write(`${options.dryRun ? 'would file' : 'filed'}: ${JSON.stringify(text)}\n`);
  for (const s of result.skipped) process.stdout.write(`skipped (${s.why}): ${JSON.stringify(s.text)}\n`);
  if (result.added.length > 0 && !options.dryRun) {
    process.stdout.write(`${result.added.length} message(s) in ${result.file} under ${result.label}. Run \`supportbot build\` to retrain now (a start retrains too).\n`);
  }
}
