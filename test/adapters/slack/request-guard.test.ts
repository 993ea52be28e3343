/**
 * Finding 9 (Slack): a signed body of `null` crashed the process; requests timestamped far in the
 * future were accepted. Real Bolt over HTTP, requests signed exactly as Slack signs them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dmMessage, eventEnvelope, formEncodePayload, postSigned, SLACK_IDS } from '../../fakes/slack-payloads.js';
import { SIGNING_SECRET, startHarness, type Harness } from './harness.js';

describe('the Slack HTTP endpoint in front of Bolt', () => {
  let h: Harness;
  let url: string;
  beforeAll(async () => {
    h = await startHarness();
    url = `http://127.0.0.1:${h.adapter.port}/slack/events`;
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** A request that never gets an answer (the process crashed or hung) fails here, not at the test timeout. */
  const post = (body: string, type: 'application/json' | 'application/x-www-form-urlencoded', timestamp?: number) =>
    Promise.race([
      postSigned(url, SIGNING_SECRET, body, type, timestamp === undefined ? {} : { timestamp }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer within 3 s')), 3000)),
    ]);

  it('answers 400 to a correctly signed body that is not an object, and keeps serving', async () => {
    for (const [body, type] of [
      ['null', 'application/json'],
      ['[]', 'application/json'],
      ['7', 'application/json'],
      [formEncodePayload(null), 'application/x-www-form-urlencoded'],
    ] as const) {
      expect((await post(body, type)).status, body).toBe(400);
    }
    expect(h.logs.join('')).toContain('body is not an object');
    const after = h.slack.posts.length;
    expect((await post(JSON.stringify(eventEnvelope(dmMessage({ text: 'still alive?' }))), 'application/json')).status).toBe(200);
    await h.slack.waitForPost((p) => p.text.includes('heard: still alive?'), { after });
  });

  it('refuses requests timestamped more than 5 minutes from now, either way, and accepts those within', async () => {
    const now = Math.floor(Date.now() / 1000);
    const body = () => JSON.stringify(eventEnvelope(dmMessage({ text: 'timed', user: SLACK_IDS.bob })));
    const before = h.seen.length;
    expect((await post(body(), 'application/json', now + 6 * 60)).status).toBe(401);
    expect((await post(body(), 'application/json', now + 24 * 60 * 60)).status).toBe(401);
    expect((await post(body(), 'application/json', now - 6 * 60)).status).toBe(401);
    await h.adapter.idle();
    expect(h.seen.length).toBe(before);
    expect((await post(body(), 'application/json', now + 4 * 60)).status).toBe(200);
    expect((await post(body(), 'application/json', now - 4 * 60)).status).toBe(200);
  });
});
