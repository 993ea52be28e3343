/**
 * The Slack smoke test of `supportbot serve`: the built CLI in a child process, with the real core
 * (classifier, dialogue, lowdb store in a temp DATA_DIR), receiving signed events from this test
 * and talking to the fake Slack. Asserts structure, not wording (the dialogue evolves). Socket
 * Mode, retries and stopping are covered in-process by app.test.ts and start.test.ts.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../fakes/fake-slack.js';
import { appMention, botMessage, channelMessage, dmChannelOf, dmMessage, eventEnvelope, nextTs, postSigned, SLACK_IDS } from '../../fakes/slack-payloads.js';
import { spawnCli } from '../../support/spawn-cli.js';
const SECRET = 'serve-test-signing-secret';
const INSIGHTS_TOKEN = 'insights-token-for-the-serve-test';
const BOT_TOKEN = 'xoxb-serve-test';
const CARD_DIGITS = /4111[ -]?1111[ -]?1111[ -]?1111/;
/** Start-up loads the classifier and knowledge base; generous for a busy 2-core CI machine. */
const START_TIMEOUT_MS = 40_000;

interface Served {
  child: ChildProcess;
  stderr: string[];
  port?: number;
  exited: Promise<number | null>;
}

const tempDirs: string[] = [];
function tempDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportbot-serve-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** Spawns the CLI and resolves once the adapter logged that it is ready. */
async function serve(env: Record<string, string>): Promise<Served> {
  const child = spawnCli(['serve'], { env: { LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: '0', ...env } });
  child.stdout.resume();
  const stderr: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const served: Served = { child, stderr, exited };
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in ${START_TIMEOUT_MS} ms:\n${stderr.join('')}`)), START_TIMEOUT_MS);
    let buffer = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr.push(chunk.toString());
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        try {
          const entry = JSON.parse(line) as { msg?: string; port?: number };
          if (entry.msg?.startsWith('slack adapter')) {
            if (entry.port !== undefined) served.port = entry.port;
            clearTimeout(timer);
            resolve();
          }
        } catch {
          // not a log line
        }
      }
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code}:\n${stderr.join('')}`)));
  });
  try {
    await ready;
  } catch (error) {
    // Never leave a half-started server behind.
    await stopServe(served);
    throw error;
  }
  return served;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Resolves once the fake has received no new post for `quietMs`. */
async function settled(slack: FakeSlack, quietMs = 500): Promise<void> {
  let last = -1;
  while (last !== slack.posts.length) {
    last = slack.posts.length;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}

async function stopServe(served: Served | undefined): Promise<number | null> {
  if (!served || served.child.exitCode !== null) return served?.child.exitCode ?? null;
  served.child.kill('SIGTERM');
  const timer = setTimeout(() => served.child.kill('SIGKILL'), 10_000);
  const code = await served.exited;
  clearTimeout(timer);
  return code;
}

describe('supportbot serve with Slack in HTTP mode', () => {
  let slack: FakeSlack;
  let served: Served | undefined;
  let dataDir: string;
  let url: string;

  beforeAll(async () => {
    slack = await startFakeSlack({ botToken: BOT_TOKEN });
    dataDir = tempDataDir();
    served = await serve({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      SLACK_HANDOFF_CHANNEL: SLACK_IDS.staffChannel,
      DATA_DIR: dataDir,
      INSIGHTS_TOKEN,
    });
    url = `http://127.0.0.1:${served.port}/slack/events`;
    slack.deliverTo({ url, signingSecret: SECRET });
  }, START_TIMEOUT_MS + 5000);

  afterAll(async () => {
    await stopServe(served);
    await slack?.stop();
  });

  it('answers a direct message with buttons', async () => {
    const after = slack.posts.length;
    expect((await slack.sendEvent(dmMessage({ text: 'hello', user: SLACK_IDS.alice }))).status).toBe(200);
    const post = await slack.waitForPost((p) => p.channel === dmChannelOf(SLACK_IDS.alice), { after, timeoutMs: 8000 });
    expect(post.text.length).toBeGreaterThan(0);
    expect(post.buttons.length).toBeGreaterThan(0);
  });

  it('continues on a click: the choice replaces the buttons and the bot answers', async () => {
    const user = SLACK_IDS.bob;
    let after = slack.posts.length;
    await slack.sendEvent(dmMessage({ text: 'my card was declined', user }));
    const question = await slack.waitForPost((p) => p.channel === dmChannelOf(user) && p.buttons.length > 0, { after, timeoutMs: 8000 });
    const button = question.buttons[0]!;
    after = slack.posts.length;
    expect((await slack.click(question, button.label, { user })).status).toBe(200);
    const update = await slack.waitForUpdate((u) => u.ts === question.ts, { timeoutMs: 8000 });
    expect(JSON.stringify(update.blocks)).toContain(`You chose: *${button.label}*`);
    const answer = await slack.waitForPost((p) => p.channel === dmChannelOf(user), { after, timeoutMs: 8000 });
    expect(answer.ts).not.toBe(question.ts);
  });

  it('replies to a mention in a thread, and to later messages in that thread', async () => {
    const ts = nextTs();
    let after = slack.posts.length;
    await slack.sendEvent(appMention({ text: 'how do I link my Visa card?', ts }));
    const first = await slack.waitForPost((p) => p.channel === SLACK_IDS.support, { after, timeoutMs: 8000 });
    expect(first.threadTs).toBe(ts);
    after = slack.posts.length;
    await slack.sendEvent(channelMessage({ text: 'thanks', threadTs: ts }));
    const second = await slack.waitForPost((p) => p.channel === SLACK_IDS.support, { after, timeoutMs: 8000 });
    expect(second.threadTs).toBe(ts);
  });

  it('records a thumbs up on an answer and serves the report at /insights only with the token', async () => {
    const user = SLACK_IDS.bob.replace('B', 'F');
    let after = slack.posts.length;
    await slack.sendEvent(dmMessage({ text: 'what fees does alipay charge for foreign cards?', user }));
    const answer = await slack.waitForPost((p) => p.channel === dmChannelOf(user) && p.buttons.some((b) => b.value === 'feedback:up'), { after, timeoutMs: 8000 });
    after = slack.posts.length;
    expect((await slack.click(answer, '👍 Helpful', { user })).status).toBe(200);
    await slack.waitForPost((p) => p.channel === dmChannelOf(user), { after, timeoutMs: 8000 });
    await new Promise((r) => setTimeout(r, 600)); // the recorder writes every 250 ms
    const insights = `http://127.0.0.1:${served?.port}/insights?since=1d`;
    expect((await fetch(insights)).status).toBe(401);
    expect((await fetch(insights, { headers: { authorization: 'Bearer not-the-token' } })).status).toBe(401);
    const page = await fetch(insights, { headers: { authorization: `Bearer ${INSIGHTS_TOKEN}` } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toMatch(/"feedback":\{"up":1,"down":0/);
    const basic = await fetch(insights, { headers: { authorization: `Basic ${Buffer.from(`staff:${INSIGHTS_TOKEN}`).toString('base64')}` } });
    expect(basic.status).toBe(200);
  });

  it('rejects a badly signed request with 401', async () => {
    const forger = 'UFORGER01';
    const body = JSON.stringify(eventEnvelope(dmMessage({ text: 'forged', user: forger })));
    expect((await postSigned(url, SECRET, body, 'application/json', { badSignature: true })).status).toBe(401);
    expect((await postSigned(url, SECRET, body, 'application/json', { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(401);
    await settled(slack, 300);
    expect(slack.posts.filter((p) => p.channel === dmChannelOf(forger))).toEqual([]);
  });

  it('ignores bots and answers a retried event once', async () => {
    // Two people say the same two things; one of the first messages is retried by Slack twice.
    const retried = dmChannelOf(SLACK_IDS.staffer);
    const control = dmChannelOf(SLACK_IDS.bob.replace('B', 'C'));
    const after = slack.posts.length;
    await slack.sendEvent(botMessage({ text: 'beep', channel: retried }));
    const envelope = eventEnvelope(dmMessage({ text: 'hello', user: SLACK_IDS.staffer }));
    await slack.sendEvent(envelope);
    await slack.sendEvent(envelope, { retryNum: 1 });
    await slack.sendEvent(envelope, { retryNum: 2 });
    await slack.sendEvent(dmMessage({ text: 'goodbye', user: SLACK_IDS.staffer }));
    await slack.sendEvent(dmMessage({ text: 'hello', user: `U${control.slice(1)}` }));
    await slack.sendEvent(dmMessage({ text: 'goodbye', user: `U${control.slice(1)}` }));
    await settled(slack);
    const count = (channel: string) => slack.posts.slice(after).filter((p) => p.channel === channel).length;
    expect(count(control)).toBeGreaterThanOrEqual(2);
    expect(count(retried)).toBe(count(control));
    expect(served?.stderr.join('')).toContain('repeated event ignored');
  });

  it('never echoes, logs or stores a pasted card number', async () => {
    const user = SLACK_IDS.alice;
    const after = slack.posts.length;
    await slack.sendEvent(dmMessage({ text: 'my card 4111 1111 1111 1111 was declined', user }));
    await slack.waitForPost((p) => p.channel === dmChannelOf(user), { after, timeoutMs: 8000 });
    await new Promise((r) => setTimeout(r, 300)); // let the lowdb write land
    expect(slack.everythingSent()).not.toMatch(CARD_DIGITS);
    expect(served?.stderr.join('')).not.toMatch(CARD_DIGITS);
    // Whatever layout the lowdb store uses, no file under DATA_DIR may hold the number.
    const stored = filesUnder(dataDir).map((file) => readFileSync(file, 'utf8'));
    expect(stored.join('').length).toBeGreaterThan(0);
    for (const content of stored) expect(content).not.toMatch(CARD_DIGITS);
  });

  it('stops cleanly on SIGTERM', async () => {
    const code = await stopServe(served);
    expect(code).toBe(0);
    expect(served?.stderr.join('')).toContain('slack adapter stopped');
  });
});
