/**
 * Global setup of the e2e project: child processes run the compiled dist/, so compile it first
 * when any source is newer than the last build (`npm ci` builds it; an edit since must not be
 * tested against the old code). Then `supportbot build` brings the model and the knowledge index
 * up to date (a no-op when they are), so no child process retrains on its first turn and times out.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export default function buildDist(): void {
  const built = path.join(ROOT, 'dist', 'cli', 'main.js');
  const sources = Math.max(newestIn(path.join(ROOT, 'src')), statSync(path.join(ROOT, 'tsconfig.build.json')).mtimeMs);
  if (!existsSync(built) || statSync(built).mtimeMs < sources) {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  }
  execFileSync(process.execPath, [path.join(ROOT, 'bin', 'supportbot.js'), 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, SUPPORTBOT_FROM_SOURCE: '' } });
}
