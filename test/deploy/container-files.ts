/**
 * Reads the Dockerfile and compose.yaml the way Docker does, enough to check them against the
 * code (containers cannot be built or run on the test machines).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../support/spawn-cli.js';

export interface Instruction {
  keyword: string;
  args: string;
}
export interface Stage {
  name: string | undefined;
  from: string;
  instructions: Instruction[];
}

/** The Dockerfile's stages and their instructions (continuation lines joined, comments dropped). */
export function readDockerfile(file = path.join(ROOT, 'Dockerfile')): { args: Record<string, string>; stages: Stage[] } {
  const logical: string[] = [];
  let pending = '';
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    logical.push(pending + line);
    pending = '';
  }
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of logical) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    const text = line.slice(keyword.length).trim();
    if (keyword.toUpperCase() === 'ARG' && stages.length === 0) {
      const [name = '', value = ''] = text.split('=');
      args[name] = value;
    } else if (keyword.toUpperCase() === 'FROM') {
      const as = rest.findIndex((w) => w.toUpperCase() === 'AS');
      stages.push({ from: rest[0] ?? '', name: as >= 0 ? rest[as + 1] : undefined, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args: text });
    }
  }
  return { args, stages };
}

/** An exec-form (JSON array) argument, as Docker reads CMD ["node", …]. */
export function execForm(args: string): string[] {
  const parsed = JSON.parse(args) as unknown;
  if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === 'string')) throw new Error(`not an exec-form array: ${args}`);
  return parsed;
}

/** `ENV A=1 B=2` → { A: '1', B: '2' }. */
export function envOf(instructions: Instruction[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of instructions.filter((x) => x.keyword === 'ENV')) {
    for (const pair of i.args.split(/\s+/)) {
      const [name = '', value = ''] = pair.split('=');
      out[name] = value;
    }
  }
  return out;
}

export interface ComposeService {
  build?: unknown;
  image?: string;
  init?: boolean;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  env_file?: unknown;
}

export function readCompose(file = path.join(ROOT, 'compose.yaml')): { services: Record<string, ComposeService>; volumes?: Record<string, unknown> } {
  return parse(readFileSync(file, 'utf8')) as { services: Record<string, ComposeService> };
}

/** `${NAME:-default}` → default (what compose substitutes when NAME is unset). */
export function composeDefault(value: string): string {
  return value.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');
}
