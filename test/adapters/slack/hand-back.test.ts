/**
 * Finding 7 (Slack): only members of SLACK_HANDOFF_CHANNEL may hand a conversation back, the
 * conversation key on the button is signed, and no choice button can carry a staff action. Real
 * Bolt against the fake Slack; forged clicks are sent as Slack would deliver them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../src/core/actions.js';
import type { PostedMessage } from '../../fakes/fake-slack.js';
import { dmChannelOf, dmMessage, SLACK_IDS } from '../../fakes/slack-payloads.js';
import { startHarness, type Harness } from './harness.js';

describe('handing a Slack conversation back to the bot', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** `user` asks for a person in a DM; resolves with the summary in the staff channel. */
  async function handoffOf(user: string): Promise<{ summary: PostedMessage; key: string; question: PostedMessage }> {
    let after = h.slack.posts.length;
    await h.slack.sendEvent(dmMessage({ text: 'help', user }));
    const question = await h.slack.waitForPost((p) => p.channel === dmChannelOf(user), { after });
    after = h.slack.posts.length;
    await h.slack.click(question, ACTIONS.human, { user });
    const summary = await h.slack.waitForPost((p) => p.channel === SLACK_IDS.staffChannel && JSON.stringify(p.blocks).includes(`<@${user}>`), { after });
    return { summary, key: `slack:${SLACK_IDS.team}:${dmChannelOf(user)}`, question };
  }

  const handBacksSince = (from: number) => h.seen.slice(from).filter((m) => m.action === ACTIONS.handBack);

  it('refuses someone outside the handoff channel, privately, and lets a member of it', async () => {
    const { summary, key } = await handoffOf(SLACK_IDS.alice);
    const seen = h.seen.length;
    await h.slack.click(summary, 'Hand back to the bot', { user: SLACK_IDS.bob });
    const note = await h.slack.waitForEphemeral((e) => e.user === SLACK_IDS.bob && e.channel === SLACK_IDS.staffChannel);
    expect(note.text).toContain(`Only the support team (<#${SLACK_IDS.staffChannel}>)`);
    await h.adapter.idle();
    expect(handBacksSince(seen)).toEqual([]);
    expect(h.slack.updates.some((u) => u.ts === summary.ts)).toBe(false);

    await h.slack.click(summary, 'Hand back to the bot', { user: SLACK_IDS.staffer });
    await h.slack.waitForUpdate((u) => u.ts === summary.ts);
    expect(handBacksSince(seen)).toEqual([expect.objectContaining({ conversationKey: key, userId: SLACK_IDS.alice })]);
  });

  it('refuses a hand-back whose conversation key is not signed by this bot, even from staff', async () => {
    const { summary, key } = await handoffOf(SLACK_IDS.bob);
    const signed = summary.buttons[0]?.value ?? '';
    const other = `slack:${SLACK_IDS.team}:${dmChannelOf(SLACK_IDS.alice)}`;
    const seen = h.seen.length;
    const forged = (value: string): PostedMessage => ({ ...summary, buttons: summary.buttons.map((b) => ({ ...b, value })) });
    for (const value of [key, other, signed.replace(key, other), `${other}~${signed.split('~')[1] ?? ''}`, `${key}~`, '']) {
      await h.slack.click(forged(value), 'Hand back to the bot', { user: SLACK_IDS.staffer });
    }
    await h.adapter.idle();
    expect(handBacksSince(seen)).toEqual([]);
    expect(h.slack.ephemerals.filter((e) => e.user === SLACK_IDS.staffer && e.text.includes('not valid')).length).toBeGreaterThanOrEqual(5);
  });

  it('refuses a signed hand-back clicked outside the handoff channel', async () => {
    const { summary } = await handoffOf(SLACK_IDS.staffer);
    const seen = h.seen.length;
    await h.slack.click({ ...summary, channel: SLACK_IDS.support }, 'Hand back to the bot', { user: SLACK_IDS.staffer });
    await h.slack.waitForEphemeral((e) => e.user === SLACK_IDS.staffer && e.channel === SLACK_IDS.support);
    await h.adapter.idle();
    expect(handBacksSince(seen)).toEqual([]);
  });

  it('never lets a choice button carry the hand-back action', async () => {
    const user = SLACK_IDS.alice;
    const after = h.slack.posts.length;
    await h.slack.sendEvent(dmMessage({ text: 'a question', user }));
    const question = await h.slack.waitForPost((p) => p.channel === dmChannelOf(user), { after });
    const seen = h.seen.length;
    const forged: PostedMessage = { ...question, buttons: question.buttons.map((b) => ({ ...b, value: ACTIONS.handBack })) };
    await h.slack.click(forged, (b) => b.value === ACTIONS.handBack, { user });
    await h.slack.waitForEphemeral((e) => e.user === user && e.channel === dmChannelOf(user));
    await h.adapter.idle();
    expect(handBacksSince(seen)).toEqual([]);
  });
});
