import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDataDir } from '../../src/config/env.js';
import { ConfigError } from '../../src/core/errors.js';

const bin = fileURLToPath(new URL('../../bin/supportbot.js', import.meta.url));
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

function start(dataDir: string, logLevel: string) {
  return spawnSync(process.execPath, [bin, 'chat', '--json'], {
    ...asUser,
    input: '{"user":"u","text":"hello"}\n',
    encoding: 'utf8',
    env: { ...process.env, SUPPORTBOT_FROM_SOURCE: '1', DATA_DIR: dataDir, LOG_LEVEL: logLevel, HOME: root, REDIS_URL: '' },
    timeout: 60_000,
  });
}

describe('a DATA_DIR the bot cannot write', () => {
  it('stops the start with one line naming DATA_DIR and exit code 2, no stack trace', () => {
    const run = start(path.join(readOnly, 'data'), 'info');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^supportbot: DATA_DIR: .*read-only.*data is not writable by this process: set DATA_DIR to a folder/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the stack trace, with the system error, at LOG_LEVEL=debug', () => {
    const run = start(path.join(readOnly, 'data'), 'debug');
    expect(run.status).toBe(2);
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
