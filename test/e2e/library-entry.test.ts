/**
 * src/index.ts as a library: `import … from 'supportbot'` resolves through package.json `exports`
 * to the built dist/, with type declarations a TypeScript consumer compiles against.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/spawn-cli.js';

const run = promisify(execFile);
// Inside the package, so Node and TypeScript resolve 'supportbot' to this package (self-reference).
const dir = mkdtempSync(path.join(ROOT, '.tmp-consumer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the library entry', () => {
  it('runs a turn for a program that imports supportbot', async () => {
    const program = `import { createSupportbot, createConversationRunner } from 'supportbot';
const bot = await createSupportbot();
const runner = createConversationRunner({ pipeline: bot });
const said = [];
const outcome = await runner.run({ platform: 'json', conversationKey: 'c1', userId: 'u1', text: 'my card was declined', eventId: 'e1', receivedAt: Date.now() }, { deliver: async (replies) => void said.push(...replies) });
await bot.close();
console.log(JSON.stringify({ status: outcome.status, intent: outcome.result?.intent, replies: said.length }));
`;
    writeFileSync(path.join(dir, 'consumer.mjs'), program);
    const { stdout } = await run(process.execPath, [path.join(dir, 'consumer.mjs')], { cwd: dir });
    const result = JSON.parse(stdout) as { status: string; intent: string; replies: number };
    expect(result).toMatchObject({ status: 'delivered', intent: 'payment_declined' });
    expect(result.replies).toBeGreaterThan(0);
  });

  it('has type declarations a strict TypeScript consumer compiles against', async () => {
    writeFileSync(
      path.join(dir, 'consumer.ts'),
      `import { createSupportbot, type TurnResult, type Adapter, type RunnerEvents } from 'supportbot';
import type { SlackAdapter } from 'supportbot/slack';
const bot = await createSupportbot({ store: { kind: 'memory' } });
const result: TurnResult = await bot.handle({ platform: 'json', conversationKey: 'c', userId: 'u', text: 'hi', eventId: 'e', receivedAt: 0 });
const adapter: Adapter | undefined = undefined as SlackAdapter | undefined;
const seen: RunnerEvents['turn:finished']['durationMs'] = 1;
// @ts-expect-error a reply is not a string
const wrong: string = result.replies[0];
export { adapter, seen, wrong };
`,
    );
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2023', noEmit: true, skipLibCheck: true, types: ['node'] }, files: ['consumer.ts'] }),
    );
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const compiled = await run(process.execPath, [tsc, '-p', path.join(dir, 'tsconfig.json')], { cwd: dir }).then(
      () => ({ ok: true, output: '' }),
      (error: { stdout?: string }) => ({ ok: false, output: error.stdout ?? '' }),
    );
    expect(compiled.output).toBe('');
    expect(compiled.ok).toBe(true);
  }, 60_000);
});
