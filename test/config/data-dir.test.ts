import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDataDir } from '../../src/config/env.js';
import { ConfigError } from '../../src/core/errors.js';
import { BIN as bin, runCli } from '../support/spawn-cli.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'supportbot-data-dir-'));
const readOnly = path.join(root, 'read-only');
mkdirSync(readOnly);
chmodSync(root, 0o755);
chmodSync(readOnly, 0o555);
afterAll(() => {
  chmodSync(readOnly, 0o755);
  rmSync(root, { recursive: true, force: true });
});

// Root writes anywhere, whatever the mode bits: as root the bot runs as "nobody" here.
const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

/** The built CLI in a child process (test/support/spawn-cli.ts), as the person the bot would run as. */
function start(dataDir: string, logLevel: string) {
  return runCli(['chat', '--json'], { ...asUser, input: '{"user":"u","text":"hello"}\n', env: { DATA_DIR: dataDir, LOG_LEVEL: logLevel, HOME: root } });
}

describe('a DATA_DIR the bot cannot write', () => {
  it('stops the start with one line naming DATA_DIR and exit code 2, no stack trace', async () => {
    const run = await start(path.join(readOnly, 'data'), 'info');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^supportbot: DATA_DIR: .*read-only.*data is not writable by this process: set DATA_DIR to a folder/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the stack trace, with the system error, at LOG_LEVEL=debug', async () => {
    const run = await start(path.join(readOnly, 'data'), 'debug');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^supportbot: DATA_DIR: /);
    expect(run.stderr).toMatch(/Caused by: Error: EACCES/);
    expect(run.stderr).toMatch(/\n\s+at /);
  });

  it('names a DATA_DIR that is a file, and accepts a folder it can create', () => {
    expect(() => checkDataDir(path.join(bin, 'data'))).toThrow(ConfigError);
    expect(() => checkDataDir(path.join(bin, 'data'))).toThrow(/^DATA_DIR: .* cannot be used \(ENOTDIR\)/);
    checkDataDir(path.join(root, 'new', 'data'));
  });
});
