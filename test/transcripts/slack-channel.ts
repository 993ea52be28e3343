/**
 * Replays transcripts through the real Slack adapter (real Bolt, HTTP mode) against the fake Slack
 * on 127.0.0.1. A typed turn is a DM event; a click is a block_actions click on the last bot message
 * in the DM carrying that button; `handoff:release` is staff clicking "Hand back to the bot" on the
 * handoff summary in the staff channel. The replies are read back from what the fake Slack received
 * (Block Kit → text and buttons); intent, flow and step come from the core's TurnResult.
 */
import { parseEnv } from '../../src/config/env.js';
import { ACTIONS } from '../../src/core/actions.js';
import { silentLogger } from '../../src/core/logger.js';
import type { Reply } from '../../src/core/types.js';
import { startSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/index.js';
import { createConversationRunner } from '../../src/core/conversation-runner.js';
import { ACTION_IDS } from '../../src/adapters/slack/render.js';
import type { CoreParts } from '../../src/transcripts/core-channel.js';
import type { ChannelFactory } from '../../src/transcripts/replayer.js';
import { buttonsOf, startFakeSlack, type FakeSlack, type PostedMessage } from '../fakes/fake-slack.js';
import { SLACK_IDS, dmChannelOf, dmMessage } from '../fakes/slack-payloads.js';
import { createReplayRouter, observe } from './replay-router.js';

const SIGNING_SECRET = 'replay-signing-secret';
const BOT_TOKEN = 'xoxb-replay-bot-token';

export interface SlackReplay {
  readonly factory: ChannelFactory;
  readonly slack: FakeSlack;
  stop(): Promise<void>;
}

/** Slack mrkdwn back to plain text, so `contains` and `notContains` read what the person read. */
function plain(mrkdwn: string): string {
  return mrkdwn.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/^• /gm, '- ');
}

function replyOf(post: PostedMessage): Reply {
  const text = post.blocks
    .filter((b) => b.type === 'section' && b.text)
    .map((b) => plain(b.text?.text ?? ''))
    .join('\n');
  return { text, buttons: buttonsOf(post.blocks).map((b) => ({ label: b.label, value: b.value })), citations: [] };
}

const shownSources = (post: PostedMessage): boolean =>
  post.blocks.some((b) => b.type === 'context' && (b.elements ?? []).some((e) => String(e.text ?? '').startsWith('Source:')));

let userCounter = 0;

export async function startSlackReplay(parts: CoreParts): Promise<SlackReplay> {
  const slack = await startFakeSlack({ botToken: BOT_TOKEN });
  const router = createReplayRouter(parts);
  let clock: () => number = Date.now;
  let adapter: SlackAdapter;
  try {
    adapter = await startSlackAdapter({
      runner: createConversationRunner({ pipeline: router.bot }),
      env: parseEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, SLACK_HANDOFF_CHANNEL: SLACK_IDS.staffChannel }),
      logger: silentLogger(),
      clientOptions: { retryConfig: { retries: 0 } },
      port: 0,
      host: '127.0.0.1',
      now: () => clock(),
    });
  } catch (error) {
    await slack.stop();
    throw error;
  }
  if (adapter.port === undefined) throw new Error('the Slack adapter did not start in HTTP mode');
  slack.deliverTo({ url: `http://127.0.0.1:${adapter.port}/slack/events`, signingSecret: SIGNING_SECRET });

  const factory: ChannelFactory = async (context) => {
    // A new person (and so a new DM channel) per transcript: a fresh conversation.
    userCounter += 1;
    const user = `URPLAY${String(userCounter).padStart(4, '0')}`;
    const channel = dmChannelOf(user);
    const conversationKey = `slack:${SLACK_IDS.team}:${channel}`;
    const conversation = await router.begin(context, conversationKey);
    clock = context.now;
    const inDm = (from: number) => slack.posts.slice(from).filter((p) => p.channel === channel);

    return {
      async send(input) {
        const postsBefore = slack.posts.length;
        const seen = conversation.results.length;
        if (input.action === ACTIONS.handBack) {
          // The hand-back value is the conversation key, signed: `<key>~<mac>`.
          const handsBack = (b: { actionId: string; value: string }) => b.actionId === ACTION_IDS.handBack && b.value.startsWith(`${conversationKey}~`);
          const summary = [...slack.posts].reverse().find((p) => buttonsOf(p.blocks).some(handsBack));
          if (!summary) throw new Error('no handoff summary with a "Hand back" button for this conversation in the staff channel');
          await slack.click(summary, handsBack, { user: SLACK_IDS.staffer });
        } else if (input.action !== undefined) {
          const value = input.action;
          const post = inDm(0).reverse().find((p) => p.buttons.some((b) => b.value === value));
          if (!post) throw new Error(`no bot message in the Slack DM offers a button with the value ${JSON.stringify(value)}`);
          await slack.click(post, (b) => b.value === value, { user });
        } else {
          await slack.sendEvent(dmMessage({ text: input.text ?? '', user, channel }));
        }
        await adapter.idle();
        const result = await conversation.nextResult(seen);
        await adapter.idle();
        const posts = inDm(postsBefore);
        if (result.citations.length > 0 && !posts.some(shownSources)) throw new Error('the core cited sources but Slack showed no "Source:" line');
        return observe(result, posts.map(replyOf));
      },
      close: () => conversation.close(),
    };
  };

  return {
    factory,
    slack,
    async stop() {
      // The app first (it drains turns in progress), then the fake.
      await adapter.stop();
      await slack.stop();
    },
  };
}
