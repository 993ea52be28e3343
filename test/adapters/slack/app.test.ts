import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../src/core/actions.js';
import { appMention, botMessage, channelMessage, dmChannelOf, dmMessage, eventEnvelope, nextTs, postSigned, SLACK_IDS } from '../../fakes/slack-payloads.js';
import { BUTTONS, SIGNING_SECRET, startHarness, type Harness } from './harness.js';

const CARD = '4111 1111 1111 1111';

for (const mode of ['http', 'socket'] as const) {
  describe(`the Slack adapter in ${mode === 'http' ? 'HTTP mode' : 'Socket Mode'}`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({ socketMode: mode === 'socket' });
    });
    afterAll(async () => {
      await h?.stop();
    });

    it('learns who it is from auth.test at start', () => {
      expect(h.adapter.identity).toEqual({ botUserId: SLACK_IDS.botUser, botId: SLACK_IDS.bot, teamId: SLACK_IDS.team, workspaceUrl: 'https://fake.slack.test/' });
      expect(h.slack.calls.filter((c) => c.method === 'auth.test')).toHaveLength(1);
    });

    it('answers a direct message with Block Kit buttons', async () => {
      const after = h.slack.posts.length;
      const user = SLACK_IDS.alice;
      const sent = await h.slack.sendEvent(dmMessage({ text: 'hello *there* &amp; <https://alibaba.com|Alibaba>', user }));
      expect(sent.status).toBe(200);
      const post = await h.slack.waitForPost((p) => p.channel === dmChannelOf(user), { after });
      expect(post.threadTs).toBeUndefined();
      expect(post.text).toContain('heard: hello there & Alibaba');
      expect(post.buttons.map((b) => b.label)).toEqual(BUTTONS.map((b) => b.label));
      expect(post.buttons.map((b) => b.value)).toEqual(BUTTONS.map((b) => b.value));
      expect(new Set(post.buttons.map((b) => b.actionId)).size).toBe(BUTTONS.length);
      const last = h.seen.at(-1);
      expect(last).toMatchObject({ platform: 'slack', userId: user, conversationKey: `slack:${SLACK_IDS.team}:${dmChannelOf(user)}` });
    });

    it('continues the conversation on a click and shows the choice in place of the buttons', async () => {
      const user = SLACK_IDS.bob;
      let after = h.slack.posts.length;
      await h.slack.sendEvent(dmMessage({ text: 'my card', user }));
      const question = await h.slack.waitForPost((p) => p.channel === dmChannelOf(user), { after });
      after = h.slack.posts.length;
      const clicked = await h.slack.click(question, 'Yes, that helped', { user });
      expect(clicked.status).toBe(200);
      const answer = await h.slack.waitForPost((p) => p.channel === dmChannelOf(user), { after });
      expect(answer.text).toBe('clicked: choice:yes');
      const update = await h.slack.waitForUpdate((u) => u.ts === question.ts);
      expect(update.blocks.some((b) => b.type === 'actions')).toBe(false);
      expect(JSON.stringify(update.blocks)).toContain('You chose: *Yes, that helped*');
      expect(update.blocks[0]).toEqual(question.blocks[0]);
      const seen = h.seen.at(-1);
      expect(seen).toMatchObject({ action: 'choice:yes', userId: user, conversationKey: `slack:${SLACK_IDS.team}:${dmChannelOf(user)}` });
      expect(seen?.text).toBeUndefined();
    });

    it('answers a mention in a channel in a thread, and continues that thread without a new mention', async () => {
      const ts = nextTs();
      let after = h.slack.posts.length;
      await h.slack.sendEvent(appMention({ text: 'where do I start?', ts }));
      const first = await h.slack.waitForPost((p) => p.channel === SLACK_IDS.support, { after });
      expect(first.threadTs).toBe(ts);
      expect(first.text).toContain('heard: where do I start?');
      const key = `slack:${SLACK_IDS.team}:${SLACK_IDS.support}:${ts}`;
      expect(h.seen.at(-1)?.conversationKey).toBe(key);

      after = h.slack.posts.length;
      await h.slack.sendEvent(channelMessage({ text: 'and then?', threadTs: ts, user: SLACK_IDS.alice }));
      const second = await h.slack.waitForPost((p) => p.threadTs === ts, { after });
      expect(second.text).toContain('heard: and then?');
      expect(h.seen.at(-1)?.conversationKey).toBe(key);

      // A click in the thread stays in the thread and names who chose.
      after = h.slack.posts.length;
      await h.slack.click(second, 'choice:yes', { user: SLACK_IDS.alice });
      const third = await h.slack.waitForPost((p) => p.threadTs === ts, { after });
      expect(third.text).toBe('clicked: choice:yes');
      const update = await h.slack.waitForUpdate((u) => u.ts === second.ts);
      expect(JSON.stringify(update.blocks)).toContain(`<@${SLACK_IDS.alice}> chose`);
      expect(h.seen.at(-1)?.conversationKey).toBe(key);
    });

    it('stays out of channel messages that are not for it', async () => {
      const before = h.seen.length;
      const strangerThread = nextTs();
      await h.slack.sendEvent(channelMessage({ text: 'lunch anyone?' }));
      await h.slack.sendEvent(channelMessage({ text: 'not the bot thread', threadTs: strangerThread }));
      // The same words with a mention arrive twice (message + app_mention): answered once.
      const ts = nextTs();
      const after = h.slack.posts.length;
      await h.slack.sendEvent(channelMessage({ text: `<@${SLACK_IDS.botUser}> once please`, ts }));
      await h.slack.sendEvent(appMention({ text: 'once please', ts }));
      await h.slack.waitForPost((p) => p.threadTs === ts, { after });
      await h.adapter.idle();
      expect(h.seen.slice(before).map((m) => m.text)).toEqual(['once please']);
      expect(h.slack.posts.slice(after)).toHaveLength(1);
    });

    it('never answers itself or other bots', async () => {
      const before = h.seen.length;
      const after = h.slack.posts.length;
      await h.slack.sendEvent(botMessage({ text: 'I am another bot' }));
      await h.slack.sendEvent(botMessage({ text: 'my own echo', botId: SLACK_IDS.bot, user: SLACK_IDS.botUser }));
      await h.slack.sendEvent({ ...dmMessage({ text: 'own message without subtype' }), user: SLACK_IDS.botUser });
      await h.slack.sendEvent({ ...appMention({ text: 'a bot mentions me', user: SLACK_IDS.otherBotUser }), bot_id: SLACK_IDS.otherBot });
      await h.slack.sendEvent({ ...channelMessage({ text: 'a bot in my thread', threadTs: nextTs() }), bot_id: SLACK_IDS.otherBot, subtype: 'bot_message' });
      await h.slack.sendEvent({ ...dmMessage({ text: 'edited' }), subtype: 'message_changed' });
      await h.adapter.idle();
      expect(h.seen.slice(before)).toEqual([]);
      expect(h.slack.posts.slice(after)).toEqual([]);
      // The same kind of message from a person is answered: the test above could fail.
      await h.slack.sendEvent(dmMessage({ text: 'a person' }));
      await h.slack.waitForPost((p) => p.text.includes('heard: a person'), { after });
    });

    it('answers a retried event only once', async () => {
      const before = h.seen.length;
      const after = h.slack.posts.length;
      const envelope = eventEnvelope(dmMessage({ text: 'retry me', user: SLACK_IDS.alice }));
      await h.slack.sendEvent(envelope);
      await h.slack.sendEvent(envelope, { retryNum: 1 });
      await h.slack.sendEvent(envelope, { retryNum: 2 });
      await h.slack.waitForPost((p) => p.text.includes('retry me'), { after });
      await h.adapter.idle();
      expect(h.seen.slice(before)).toHaveLength(1);
      expect(h.slack.posts.slice(after)).toHaveLength(1);
      expect(h.logs.join('')).toContain('repeated event ignored');
    });

    it('renders citations as a small context line under the answer', async () => {
      const after = h.slack.posts.length;
      await h.slack.sendEvent(dmMessage({ text: 'cite', user: SLACK_IDS.alice }));
      const post = await h.slack.waitForPost((p) => p.text.includes('Visa, Mastercard'), { after });
      const context = post.blocks.find((b) => b.type === 'context');
      expect(JSON.stringify(context)).toContain('Supported cards (international-credit-card-with-alipay.txt)');
    });

    it('posts a redacted handoff summary with a hand-back button that releases the conversation', async () => {
      const user = SLACK_IDS.alice;
      let after = h.slack.posts.length;
      await h.slack.sendEvent(dmMessage({ text: `my card ${CARD} was declined`, user }));
      const question = await h.slack.waitForPost((p) => p.channel === dmChannelOf(user), { after });
      after = h.slack.posts.length;
      await h.slack.click(question, ACTIONS.human, { user });
      const summary = await h.slack.waitForPost((p) => p.channel === SLACK_IDS.staffChannel, { after });
      const summaryText = JSON.stringify(summary.blocks);
      expect(summaryText).toContain(`<@${user}>`);
      expect(summaryText).toContain('asked for a person');
      expect(summaryText).not.toMatch(/4111/);
      const handBack = summary.buttons.find((b) => b.label === 'Hand back to the bot');
      // The conversation key, signed: a forged or edited value is refused (hand-back.test.ts).
      expect(handBack?.value).toMatch(new RegExp(`^slack:${SLACK_IDS.team}:${dmChannelOf(user)}~[\\w-]{22}$`));

      after = h.slack.posts.length;
      await h.slack.click(summary, 'Hand back to the bot', { user: SLACK_IDS.staffer });
      const back = await h.slack.waitForPost((p) => p.channel === dmChannelOf(user), { after });
      expect(back.text).toBe("I'm back. How can I help?");
      expect(h.seen.at(-1)).toMatchObject({ action: ACTIONS.handBack, conversationKey: `slack:${SLACK_IDS.team}:${dmChannelOf(user)}` });
      const updated = await h.slack.waitForUpdate((u) => u.ts === summary.ts);
      expect(JSON.stringify(updated.blocks)).toContain(`Handed back to the bot by <@${SLACK_IDS.staffer}>`);
      expect(updated.blocks.some((b) => b.type === 'actions')).toBe(false);
    });

    it('starts a conversation in a direct message from the slash command', async () => {
      const after = h.slack.posts.length;
      const responsesBefore = h.slack.responses.length;
      const sent = await h.slack.sendCommand({ command: '/alipay-help', text: '', user: SLACK_IDS.bob, channel: SLACK_IDS.support });
      expect(sent.status).toBe(200);
      const post = await h.slack.waitForPost((p) => p.channel === dmChannelOf(SLACK_IDS.bob), { after });
      expect(post.text).toContain('heard: help');
      const ephemeral = await h.slack.waitForCall('response_url', () => h.slack.responses.length > responsesBefore);
      expect(ephemeral.args).toMatchObject({ response_type: 'ephemeral' });
      expect(String(ephemeral.args.text)).toContain('direct message');
    });

    it('never echoes, logs or keeps a pasted card number', async () => {
      const after = h.slack.posts.length;
      await h.slack.sendEvent(dmMessage({ text: `here it is ${CARD}`, user: SLACK_IDS.bob }));
      const post = await h.slack.waitForPost((p) => p.channel === dmChannelOf(SLACK_IDS.bob), { after });
      expect(post.text).toContain('[card number]');
      await h.adapter.idle();
      expect(h.slack.everythingSent()).not.toMatch(/4111[ -]?1111/);
      expect(h.logs.join('')).not.toMatch(/4111[ -]?1111/);
      expect(h.seen.map((m) => m.text ?? '').join(' ')).not.toMatch(/4111[ -]?1111/);
    });

    it('logs and ignores a payload it cannot read, and keeps serving', async () => {
      await h.slack.sendEvent({ type: 'message', channel: 42, text: ['not', 'text'] } as never);
      await h.slack.sendEvent({ type: 'app_mention', user: SLACK_IDS.alice } as never);
      await h.adapter.idle();
      expect(h.logs.join('')).toContain('unreadable Slack');
      const after = h.slack.posts.length;
      await h.slack.sendEvent(dmMessage({ text: 'still there?', user: SLACK_IDS.alice }));
      await h.slack.waitForPost((p) => p.text.includes('still there?'), { after });
    });

    it('survives a failed post and answers the next message', async () => {
      h.slack.failNext('chat.postMessage', 'not_in_channel');
      await h.slack.sendEvent(dmMessage({ text: 'lost reply', user: SLACK_IDS.alice }));
      await h.adapter.idle();
      expect(h.logs.join('')).toContain('not_in_channel');
      const after = h.slack.posts.length;
      await h.slack.sendEvent(dmMessage({ text: 'next one', user: SLACK_IDS.alice }));
      await h.slack.waitForPost((p) => p.text.includes('next one'), { after });
    });
  });
}

describe('the Slack adapter over HTTP', () => {
  let h: Harness;
  let url: string;
  beforeAll(async () => {
    h = await startHarness();
    url = `http://127.0.0.1:${h.adapter.port}/slack/events`;
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('rejects a badly signed or stale request with 401 and does nothing', async () => {
    const before = h.slack.calls.length;
    const body = JSON.stringify(eventEnvelope(dmMessage({ text: 'forged' })));
    expect((await postSigned(url, SIGNING_SECRET, body, 'application/json', { badSignature: true })).status).toBe(401);
    expect((await postSigned(url, SIGNING_SECRET, body, 'application/json', { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(401);
    await h.adapter.idle();
    expect(h.slack.calls.length).toBe(before);
  });

  it('answers the url_verification challenge when signed', async () => {
    const body = JSON.stringify({ token: 'x', challenge: 'challenge-123', type: 'url_verification' });
    const ok = await postSigned(url, SIGNING_SECRET, body, 'application/json');
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ challenge: 'challenge-123' });
  });

  it('answers a health check', async () => {
    const res = await fetch(`http://127.0.0.1:${h.adapter.port}/healthz`);
    expect(res.status).toBe(200);
  });
});
