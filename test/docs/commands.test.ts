import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const pages = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => path.join('docs', f))];

describe('the commands the docs give', () => {
  it('run the project\'s own command, never `npx supportbot` (which goes to the registry in a clone)', () => {
    for (const page of pages) expect(readFileSync(path.join(ROOT, page), 'utf8'), page).not.toMatch(/npx supportbot [a-z]/);
  });

  it('name commands and subcommands the CLI has', () => {
    const program = buildProgram();
    const commands = new Map(program.commands.map((c) => [c.name(), new Set(c.commands.map((s) => s.name()))]));
    const used = pages.flatMap((page) => [...readFileSync(path.join(ROOT, page), 'utf8').matchAll(/node bin\/supportbot\.js ([a-z-]+)(?: ([a-z-]+))?/g)].map((m) => ({ page, command: m[1]!, sub: m[2] })));
    expect(used.length).toBeGreaterThan(10);
    for (const { page, command, sub } of used) {
      expect(commands.has(command), `${page}: ${command}`).toBe(true);
      const subs = commands.get(command)!;
      if (subs.size > 0 && sub) expect(subs.has(sub), `${page}: ${command} ${sub}`).toBe(true);
    }
  });
});
