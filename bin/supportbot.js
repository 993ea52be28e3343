#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm ci` through the prepare script). While developing,
// SUPPORTBOT_FROM_SOURCE=1 runs the TypeScript sources through tsx, a development dependency.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
let mod;
if (existsSync(compiled) && process.env.SUPPORTBOT_FROM_SOURCE !== '1') {
  mod = await import(compiled);
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write('supportbot: dist/ is missing and tsx (a development dependency) is not installed: run `npm ci` (or `npm run build`) first\n');
    process.exit(2);
  }
  register();
  mod = await import('../src/cli/main.ts');
}
await mod.main();
