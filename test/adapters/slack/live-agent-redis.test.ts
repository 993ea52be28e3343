/**
 * Two instances of the Slack app (real Bolt, real core, live agent) behind one Slack, sharing one
 * real redis-server: any instance may get the person's message, a staff reply or a click, and
 * each message still reaches the other side exactly once, in the order it was written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUSALS } from '../../../src/core/live-agent/live-lines.js';
import { startFakeSlack, type FakeSlack, type PostedMessage } from '../../fakes/fake-slack.js';
import { channelMessage, dmChannelOf, dmMessage, SLACK_IDS } from '../../fakes/slack-payloads.js';
import { deletePrefix, noteSkipped, REDIS_URL, uniquePrefix } from '../../store/redis-helpers.js';
import { isSummary, LIVE_BOT_TOKEN, LIVE_SIGNING_SECRET, startLiveSlack, type LiveSlack } from './live-harness.js';

const WAIT = { timeoutMs: 15_000 };

describe.skipIf(!REDIS_URL)('the live agent in Slack with two instances on one Redis', () => {
  const prefix = uniquePrefix('live-slack');
  const dm = dmChannelOf(SLACK_IDS.alice);
  let slack: FakeSlack;
  let a: LiveSlack;
  let b: LiveSlack;
  let summary: PostedMessage;

  beforeAll(async () => {
    slack = await startFakeSlack({ botToken: LIVE_BOT_TOKEN });
    const store = { kind: 'redis' as const, url: REDIS_URL ?? '', keyPrefix: prefix };
    // Messages sent a few ms apart to different instances may be stored in either order; the relay
    // waits this long for stragglers (production: 250 ms). Long here, so a loaded machine cannot
    // reorder them, not to make the test pass.
    const relaySettleMs = 1000;
    a = await startLiveSlack({ slack, store, relaySettleMs });
    b = await startLiveSlack({ slack, store, relaySettleMs });
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await slack?.stop();
    if (REDIS_URL) await deletePrefix(REDIS_URL, prefix);
  });

  /** The next request goes to this instance (the target is taken when the request starts). */
  function via(instance: LiveSlack): FakeSlack {
    slack.deliverTo({ url: instance.url, signingSecret: LIVE_SIGNING_SECRET });
    return slack;
  }
  const settle = async () => {
    await a.settle();
    await b.settle();
  };
  const staffThread = (p: PostedMessage) => p.channel === SLACK_IDS.staffChannel && p.threadTs === summary.ts;
  const staffSays = (instance: LiveSlack, user: string, text: string) =>
    via(instance).sendEvent(channelMessage({ channel: SLACK_IDS.staffChannel, threadTs: summary.ts, user, text }));

  it('hands off through one instance and relays what reaches the other', async () => {
    await via(a).sendEvent(dmMessage({ text: 'my card was declined' }));
    await slack.waitForPost((p) => p.channel === dm, WAIT);
    await via(b).sendEvent(dmMessage({ text: 'talk to a person' }));
    summary = await slack.waitForPost((p) => isSummary(p), WAIT);
    await slack.waitForPost((p) => staffThread(p) && p.text.includes('Answer in this thread'), WAIT);

    // Three messages, each to the other instance than the one before.
    const after = slack.posts.length;
    await via(a).sendEvent(dmMessage({ text: 'first: is anyone there?' }));
    await via(b).sendEvent(dmMessage({ text: 'second: it is a visa' }));
    await via(a).sendEvent(dmMessage({ text: 'third: from Germany' }));
    await slack.waitForPost((p) => staffThread(p) && p.text.includes('third:'), { ...WAIT, after });
    await settle();
    const relayed = slack.posts.slice(after).filter((p) => staffThread(p)).map((p) => p.text);
    expect(relayed).toEqual(['Alice: first: is anyone there?', 'Alice: second: it is a visa', 'Alice: third: from Germany']);
  });

  it('gives one claim to two agents pressing Claim on different instances at once', async () => {
    const after = slack.posts.length;
    const notes = slack.ephemerals.length;
    const clicks = [via(a).click(summary, 'Claim', { user: SLACK_IDS.staffer }), via(b).click(summary, 'Claim', { user: SLACK_IDS.staffer2 })];
    await Promise.all(clicks);
    const joined = await slack.waitForPost((p) => p.channel === dm && p.text.includes('has joined'), { ...WAIT, after });
    const loser = await slack.waitForEphemeral(() => true, { ...WAIT, after: notes });
    await settle();
    const owner = joined.text.includes('**Sam**') ? 'Sam' : 'Kim';
    expect(loser).toMatchObject({ user: owner === 'Sam' ? SLACK_IDS.staffer2 : SLACK_IDS.staffer, text: REFUSALS.claimedBy(owner) });
    expect(slack.ephemerals.slice(notes)).toHaveLength(1);
    expect(slack.posts.slice(after).filter((p) => p.channel === dm)).toHaveLength(1);
    expect(slack.posts.slice(after).filter((p) => staffThread(p) && p.text.endsWith('claimed this conversation.'))).toHaveLength(1);
  });

  it('delivers staff replies arriving at either instance to the person once each, in order, and hands back through either', async () => {
    const ownerId = slack.posts.some((p) => p.channel === dm && p.text.includes('**Sam**')) ? SLACK_IDS.staffer : SLACK_IDS.staffer2;
    const after = slack.posts.length;
    await staffSays(b, ownerId, 'one: hello');
    await staffSays(a, ownerId, 'two: which bank?');
    await staffSays(b, ownerId, 'three: please call them');
    await slack.waitForPost((p) => p.channel === dm && p.text.includes('three:'), { ...WAIT, after });
    await settle();
    const delivered = slack.posts.slice(after).filter((p) => p.channel === dm).map((p) => /\): (.*)$/.exec(p.text)?.[1]);
    expect(delivered).toEqual(['one: hello', 'two: which bank?', 'three: please call them']);

    // Hand back on A (the form opens there), submitted to B; the bot resumes on either.
    const back = slack.posts.length;
    await via(a).click(summary, 'Hand back to the bot', { user: ownerId });
    const form = await slack.waitForView(() => true, WAIT);
    await via(b).submitView(form, { note: { note: 'bank contacted' } }, { user: ownerId });
    await slack.waitForPost((p) => p.channel === dm && p.text.includes('where we left off'), { ...WAIT, after: back });
    await slack.waitForPost((p) => staffThread(p) && p.text.startsWith('Handed back'), { ...WAIT, after: back });
    const resumed = slack.posts.length;
    await via(a).sendEvent(dmMessage({ text: 'yes' }));
    await slack.waitForPost((p) => p.channel === dm, { ...WAIT, after: resumed });
    await settle();
    expect(slack.posts.slice(back).filter((p) => p.channel === dm && p.text.includes('where we left off'))).toHaveLength(1);
    expect(slack.posts.slice(back).filter((p) => staffThread(p))).toHaveLength(1);
  });
});

if (!REDIS_URL) noteSkipped('the live agent with two instances on one Redis', 'REDIS_URL is not set (.ci/run starts a redis-server and sets it)');
