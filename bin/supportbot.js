#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm ci` through the prepare script). Without dist/,
// or with SUPPORTBOT_FROM_SOURCE=1 while developing, it runs the TypeScript sources through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
let mod;
if (existsSync(compiled) && process.env.SUPPORTBOT_FROM_SOURCE !== '1') {
  mod = await import(compiled);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  mod = await import('../src/cli/main.ts');
}
await mod.main();
