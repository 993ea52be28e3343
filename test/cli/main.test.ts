import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CommanderError } from 'commander';
import { buildProgram, packageVersion } from '../../src/cli/main.js';

describe('the supportbot program', () => {
  it('reports the version written in package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(packageVersion()).toBe(pkg.version);
    expect(buildProgram().version()).toBe(pkg.version);
  });

  it('throws on a usage mistake in a subcommand instead of exiting, so main() can pick the exit code', async () => {
    const program = buildProgram().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
    for (const command of program.commands) command.configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
    const run = program.parseAsync(['node', 'supportbot', 'chat', '--no-such-option']);
    await expect(run).rejects.toBeInstanceOf(CommanderError);
    await expect(run).rejects.toMatchObject({ code: 'commander.unknownOption' });
  });
});
