import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema, parseEnv } from '../../src/config/env.js';
import { opsRoutes } from '../../src/ops/ops-routes.js';
import { createReadiness } from '../../src/ops/readiness.js';
import { ROOT } from '../support/spawn-cli.js';
import { composeDefault, envOf, execForm, readCompose, readDockerfile } from './container-files.js';

const docker = readDockerfile();
const runtime = docker.stages.at(-1)!;
const compose = readCompose();
const bot = compose.services.bot!;
const known = new Set([...Object.keys(envSchema.shape), 'NODE_ENV']);
const probePaths = [...opsRoutes({ readiness: createReadiness() }).keys()];
const urlPath = (command: string) => new URL(/https?:\/\/[^'"`\s)]+/.exec(command.replace(/\$\{[^}]+\}/g, '3000'))![0]).pathname;

describe('the Dockerfile', () => {
  it('builds in stages from Node 20 LTS slim and ends in a runtime stage without the compiler', () => {
    const images = docker.stages.map((s) => s.from.replace(/\$\{(\w+)\}/, (_m, name: string) => docker.args[name] ?? ''));
    for (const image of images) expect(image).toMatch(/^node:20[\w.-]*-slim$/);
    expect(docker.stages.length).toBeGreaterThanOrEqual(2);
    expect(runtime.instructions.some((i) => i.keyword === 'RUN' && /apt-get install/.test(i.args))).toBe(false);
  });

  it('installs production dependencies with npm ci --omit=dev and builds dist/ and the model in a build stage', () => {
    const runs = docker.stages.flatMap((s) => s.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args));
    expect(runs.some((r) => /npm ci --omit=dev/.test(r))).toBe(true);
    // `npm ci` with the dev dependencies runs `prepare`, which is the build.
    expect(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.prepare).toBe('npm run build');
    const build = docker.stages.find((s) => s.name === 'build')!;
    expect(build.instructions.some((i) => i.keyword === 'RUN' && /^npm ci$|npm run build/.test(i.args))).toBe(true);
  });

  it('copies into the runtime stage everything the start command reads, and each source exists', () => {
    const copies = runtime.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args.split(/\s+/));
    const targets = copies.map((c) => c.at(-1)!.replace(/^\.\//, '').replace(/\/$/, ''));
    for (const needed of ['node_modules', 'dist', 'models', 'bin', 'intents', 'knowledge']) expect(targets).toContain(needed);
    expect(copies.some((c) => c.includes('package.json'))).toBe(true);
    for (const c of copies.filter((c) => !c[0]!.startsWith('--from'))) for (const source of c.slice(0, -1)) expect(existsSync(path.join(ROOT, source)), source).toBe(true);
  });

  it('runs as a non-root user with DATA_DIR as a volume', () => {
    const user = runtime.instructions.filter((i) => i.keyword === 'USER').at(-1);
    expect(user?.args).toBeDefined();
    expect(user!.args).not.toMatch(/^(root|0)(:|$)/);
    const dataDir = envOf(runtime.instructions).DATA_DIR!;
    const volumes = runtime.instructions.filter((i) => i.keyword === 'VOLUME').flatMap((i) => execForm(i.args));
    expect(volumes).toContain(dataDir);
  });

  it('sets only variables the bot reads, and its start command is `serve` run by node itself (PID 1 safe)', () => {
    for (const name of Object.keys(envOf(runtime.instructions))) expect(known, name).toContain(name);
    expect(() => parseEnv(envOf(runtime.instructions))).not.toThrow();
    const cmd = execForm(runtime.instructions.filter((i) => i.keyword === 'CMD').at(-1)!.args);
    expect(cmd).toEqual(['node', 'bin/supportbot.js', 'serve']);
    expect(runtime.instructions.some((i) => i.keyword === 'ENTRYPOINT')).toBe(false);
  });

  it('exposes the port the bot listens on by default, and its health check hits a real route', () => {
    const env = parseEnv(envOf(runtime.instructions));
    const exposed = runtime.instructions.filter((i) => i.keyword === 'EXPOSE').flatMap((i) => i.args.split(/\s+/)).map(Number);
    expect(exposed).toContain(env.PORT);
    expect(exposed).toContain(parseEnv({}).PORT);
    const health = runtime.instructions.find((i) => i.keyword === 'HEALTHCHECK')!;
    expect(probePaths).toContain(urlPath(health.args));
    expect(health.args).toMatch(/HEALTH_PORT \|\| process\.env\.PORT/);
  });
});

describe('compose.yaml', () => {
  it('runs the bot from this Dockerfile with Redis, and waits for Redis to be healthy', () => {
    expect(bot.build).toBe('.');
    expect(bot.init).toBe(true);
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['bot', 'redis']));
    expect(compose.services.redis!.image).toMatch(/^redis:/);
    expect(compose.services.redis!.healthcheck?.test.join(' ')).toMatch(/redis-cli ping/);
    expect(bot.depends_on?.redis?.condition).toBe('service_healthy');
    expect(new URL(bot.environment!.REDIS_URL!).hostname).toBe('redis');
  });

  it('sets only variables that exist in the config schema, with values it accepts', () => {
    const environment = Object.fromEntries(Object.entries(bot.environment ?? {}).map(([k, v]) => [k, composeDefault(String(v))]));
    for (const name of Object.keys(environment)) expect(known, name).toContain(name);
    expect(() => parseEnv(environment)).not.toThrow();
  });

  it('publishes the port the bot listens on, keeps DATA_DIR in a volume, and probes a real route on that port', () => {
    const env = parseEnv({ ...envOf(runtime.instructions), ...Object.fromEntries(Object.entries(bot.environment ?? {}).map(([k, v]) => [k, composeDefault(String(v))])) });
    const port = env.HEALTH_PORT ?? env.PORT;
    expect(bot.ports?.map((p) => Number(p.split(':').at(-1)))).toContain(port);
    expect(bot.volumes?.some((v) => v.split(':')[1] === env.DATA_DIR)).toBe(true);
    const probe = bot.healthcheck!.test.join(' ');
    expect(probePaths).toContain(urlPath(probe));
    expect(new URL(/https?:\/\/[^'"`\s)]+/.exec(probe)![0]).port).toBe(String(port));
  });

  it('keeps secrets out of the file: they come from .env', () => {
    for (const name of Object.keys(bot.environment ?? {})) expect(name).not.toMatch(/TOKEN|SECRET/);
    expect(JSON.stringify(bot.env_file)).toContain('.env');
  });
});
