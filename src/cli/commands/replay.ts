import type { Command } from 'commander';
import { createSupportbot, createSupportbotLogger } from '../../index.js';
import { createCoreChannelFactory } from '../../transcripts/core-channel.js';
import { formatFailure } from '../../transcripts/format-failure.js';
import { findTranscriptFiles, loadTranscript } from '../../transcripts/load-transcript.js';
import { replayTranscript, type ReplayResult } from '../../transcripts/replayer.js';
import { DataFileError } from '../../core/errors.js';

export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description('replay transcript files (or folders of them) through the core; exits non-zero on any failure')
    .argument('<paths...>', 'transcript files or folders')
    .option('--quiet', 'print failures and the summary only')
    .action(async (paths: string[], options: { quiet?: boolean }) => {
      const { failed } = await runReplay(paths, options);
      if (failed > 0) process.exitCode = 1;
    });
}

/** What `supportbot replay` does: one line per transcript (or its diff), then "N passed, N failed". */
export async function runReplay(paths: string[], options: { quiet?: boolean }, out: NodeJS.WritableStream = process.stdout): Promise<{ passed: number; failed: number }> {
  const results = await replayPaths(paths, (line) => {
    if (!options.quiet || line.startsWith('✗') || line.startsWith('\x1b[31m')) out.write(`${line}\n`);
  });
  const failed = results.filter((r) => !r.passed).length;
  out.write(`${results.length - failed} passed, ${failed} failed\n`);
  return { passed: results.length - failed, failed };
}

/** Replays every transcript under `paths`; reports each with `print`. A broken file counts as failed. */
export async function replayPaths(paths: string[], print: (line: string) => void): Promise<ReplayResult[]> {
  const files = await findTranscriptFiles(paths);
  const bot = await createSupportbot({ store: { kind: 'memory' }, logger: createSupportbotLogger('warn') });
  const channel = createCoreChannelFactory(bot.parts);
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  const results: ReplayResult[] = [];
  for (const file of files) {
    let result: ReplayResult;
    try {
      const { transcript } = await loadTranscript(file);
      result = await replayTranscript(transcript, channel, file);
    } catch (error) {
      if (!(error instanceof DataFileError)) throw error;
      result = { name: file, file, passed: false, turns: 0, failures: [{ index: 0, turn: { user: '' }, mismatches: [], error: error.message }] };
    }
    results.push(result);
    print(result.passed ? `✓ ${result.name}` : formatFailure(result, color));
  }
  await bot.close();
  return results;
}
