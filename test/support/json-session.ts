/**
 * `supportbot chat --json`, in-process: the real core (model, knowledge, store) behind the same
 * runJsonProtocol the command runs, fed from a buffer, with stdout and the log (stderr) kept.
 */
import { runJsonProtocol } from '../../src/cli/commands/chat.js';
import { createSupportbot, type StoreSpec } from '../../src/index.js';
import { createCaptureLogger } from '../core/capture-logger.js';
import { collect, inputOf } from './streams.js';

export interface JsonSessionOptions {
  input: string | Buffer;
  store?: StoreSpec;
  /** Default silent, as the tests of the protocol itself want. */
  logLevel?: string;
  recordDir?: string;
}

export async function runJsonSession(options: JsonSessionOptions): Promise<{ stdout: string; stderr: string }> {
  const log = createCaptureLogger(options.logLevel ?? 'silent');
  const bot = await createSupportbot({ store: options.store ?? { kind: 'memory' }, logger: log.logger, ...(options.recordDir ? { recordDir: options.recordDir } : {}) });
  const out = collect();
  try {
    await runJsonProtocol(bot, inputOf(options.input), out.stream);
  } finally {
    await bot.close();
  }
  return { stdout: out.text(), stderr: log.lines().join('\n') };
}
