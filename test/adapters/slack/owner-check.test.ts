/**
 * Finding 6: in a channel thread only the person who started the conversation drives it. Others'
 * clicks and messages never reach the core; they get a private (ephemeral) note. Real Bolt against
 * the fake Slack, in HTTP and Socket Mode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../src/core/actions.js';
import { appMention, channelMessage, nextTs, SLACK_IDS } from '../../fakes/slack-payloads.js';
import type { PostedMessage } from '../../fakes/fake-slack.js';
import { startHarness, type Harness } from './harness.js';

for (const mode of ['http', 'socket'] as const) {
  describe(`only the owner drives a Slack thread conversation (${mode === 'http' ? 'HTTP' : 'Socket'} mode)`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({ socketMode: mode === 'socket' });
    });
    afterAll(async () => {
      await h?.stop();
    });

    /** Alice mentions the bot: a thread, her conversation, with the scripted buttons. */
    async function aliceThread(): Promise<{ ts: string; key: string; question: PostedMessage }> {
      const ts = nextTs();
      const after = h.slack.posts.length;
      await h.slack.sendEvent(appMention({ text: 'my card was declined', ts, user: SLACK_IDS.alice }));
      const question = await h.slack.waitForPost((p) => p.threadTs === ts && p.buttons.length > 0, { after });
      return { ts, key: `slack:${SLACK_IDS.team}:${SLACK_IDS.support}:${ts}`, question };
    }

    it('refuses a click by someone else: nothing changes, no handoff names them, they are told privately', async () => {
      const { ts, key, question } = await aliceThread();
      const seen = h.seen.length;
      const posts = h.slack.posts.length;
      const updates = h.slack.updates.length;
      await h.slack.click(question, 'Talk to a person', { user: SLACK_IDS.bob });
      const note = await h.slack.waitForEphemeral((e) => e.user === SLACK_IDS.bob && e.threadTs === ts);
      expect(note.channel).toBe(SLACK_IDS.support);
      expect(note.text).toContain(`<@${SLACK_IDS.alice}>'s conversation`);
      await h.adapter.idle();
      expect(h.seen.slice(seen)).toEqual([]);
      expect(h.slack.posts.slice(posts)).toEqual([]); // no summary in the staff channel, nothing in the thread
      expect(h.slack.updates.slice(updates)).toEqual([]); // the buttons are still there for Alice

      // The owner's own click still works, and the handoff names her.
      await h.slack.click(question, 'Talk to a person', { user: SLACK_IDS.alice });
      const summary = await h.slack.waitForPost((p) => p.channel === SLACK_IDS.staffChannel && JSON.stringify(p.blocks).includes(ts.replace('.', '')), { after: posts });
      expect(JSON.stringify(summary.blocks)).toContain(`*Who*\\n<@${SLACK_IDS.alice}>`);
      expect(h.seen.at(-1)).toMatchObject({ action: ACTIONS.human, userId: SLACK_IDS.alice, conversationKey: key });
    });

    it('does not pass on what someone else types in the thread, and tells them once, privately', async () => {
      const { ts, key } = await aliceThread();
      const seen = h.seen.length;
      const notes = h.slack.ephemerals.length;
      await h.slack.sendEvent(channelMessage({ text: 'I have the same problem', threadTs: ts, user: SLACK_IDS.bob }));
      await h.slack.sendEvent(channelMessage({ text: 'anyone?', threadTs: ts, user: SLACK_IDS.bob }));
      await h.slack.sendEvent(appMention({ text: 'help me too', threadTs: ts, user: SLACK_IDS.bob }));
      await h.adapter.idle();
      expect(h.seen.slice(seen)).toEqual([]);
      expect(h.slack.ephemerals.slice(notes).filter((e) => e.user === SLACK_IDS.bob)).toHaveLength(1);

      // Alice goes on as before.
      const after = h.slack.posts.length;
      await h.slack.sendEvent(channelMessage({ text: 'still declined', threadTs: ts, user: SLACK_IDS.alice }));
      await h.slack.waitForPost((p) => p.threadTs === ts && p.text.includes('heard: still declined'), { after });
      expect(h.seen.at(-1)).toMatchObject({ userId: SLACK_IDS.alice, conversationKey: key });
    });

    it('keeps the owner in the store, so another instance on the same store agrees', async () => {
      const { key } = await aliceThread();
      const record = await h.store.get(`owner:${key}`);
      expect(record?.state).toMatchObject({ userId: SLACK_IDS.alice });
    });
  });
}
