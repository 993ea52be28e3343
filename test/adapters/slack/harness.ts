/**
 * Starts the real Slack adapter (real Bolt) against the fake Slack, in HTTP or Socket Mode, with
 * the real turn pipeline around a tiny scripted dialogue, so transport tests see exactly what
 * reached the core and what Slack received.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { parseEnv } from '../../../src/config/env.js';
import { ACTIONS } from '../../../src/core/actions.js';
import type { DialogueInput, DialoguePolicy, KnowledgeBase } from '../../../src/core/ports.js';
import { createTurnPipeline } from '../../../src/core/turn-pipeline.js';
import { createPrivacyGuard } from '../../../src/privacy/privacy-guard.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { startSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/index.js';
import { createConversationRunner, type ConversationRunner } from '../../../src/core/conversation-runner.js';
import { startFakeSlack, type FakeSlack } from '../../fakes/fake-slack.js';
import { SLACK_IDS } from '../../fakes/slack-payloads.js';
import { NOTHING_STATED } from '../../../src/core/types.js';

export const SIGNING_SECRET = 'test-signing-secret';
export const BOT_TOKEN = 'xoxb-test-bot-token';
export const APP_TOKEN = 'xapp-1-A0FAKE001-test';

/** What the scripted dialogue offers after every typed message. */
export const BUTTONS = [
  { label: 'Yes, that helped', value: 'choice:yes' },
  { label: 'Talk to a person', value: ACTIONS.human },
];

const knowledge: KnowledgeBase = {
  section: (id) =>
    id === 'cards#supported'
      ? { id, articleId: 'cards', title: 'Supported cards', text: 'Visa, Mastercard, JCB and Discover work.', source: 'international-credit-card-with-alipay.txt', intents: [] }
      : undefined,
  search: () => [],
};

/**
 * A dialogue that says what it got: "heard: <text>" with BUTTONS; "cite" answers from a knowledge
 * section; a click says "clicked: <value>"; "Talk to a person" hands off; hand-back says so.
 */
const scripted: DialoguePolicy<{ turns: number }> = {
  initialState: () => ({ turns: 0 }),
  parseState: (raw) => raw as { turns: number },
  position: (s) => ({ flow: 'script', step: String(s.turns) }),
  step: (s, input: DialogueInput) => {
    const state = { turns: s.turns + 1 };
    const { text, action } = input.message;
    if (action === ACTIONS.human) {
      return {
        state,
        effects: [
          { type: 'say', text: 'I am asking a person to help you.' },
          { type: 'handoff', reason: 'asked for a person', problem: 'card declined at checkout', stepsTried: ['checked the card type'], flow: 'script' },
        ],
      };
    }
    if (action === ACTIONS.handBack) return { state, effects: [{ type: 'say', text: "I'm back. How can I help?" }] };
    if (action !== undefined) return { state, effects: [{ type: 'say', text: `clicked: ${action}` }] };
    if (text === 'cite') return { state, effects: [{ type: 'say_section', section: 'cards#supported' }] };
    return { state, effects: [{ type: 'say', text: `heard: ${text ?? ''}`, buttons: BUTTONS }] };
  },
};

export interface Harness {
  slack: FakeSlack;
  adapter: SlackAdapter;
  runner: ConversationRunner;
  /** The messages as the core saw them (already redacted). */
  seen: DialogueInput['message'][];
  /** Every log line the adapter wrote. */
  logs: string[];
  store: ReturnType<typeof createMemoryStore>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  socketMode?: boolean;
  env?: Record<string, string>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const slack = await startFakeSlack({ socketMode: options.socketMode ?? false, botToken: BOT_TOKEN });
  const logs: string[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        logs.push(chunk.toString());
        done();
      },
    }),
  );
  const seen: DialogueInput['message'][] = [];
  const store = createMemoryStore();
  const dialogue: DialoguePolicy = {
    ...scripted,
    step: (state, input) => {
      seen.push(input.message);
      return scripted.step(state as { turns: number }, input);
    },
  } as DialoguePolicy;
  const pipeline = createTurnPipeline({
    privacy: createPrivacyGuard(),
    nlu: { parse: () => ({ intent: 'greeting', confidence: 1, ranking: [], entities: {}, ...NOTHING_STATED }) },
    dialogue,
    knowledge,
    store,
    logger,
  });
  const env = parseEnv({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    SLACK_HANDOFF_CHANNEL: SLACK_IDS.staffChannel,
    ...(options.socketMode ? { SLACK_APP_TOKEN: APP_TOKEN } : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
    ...options.env,
  });
  const runner = createConversationRunner({ pipeline, logger });
  const adapter = await startSlackAdapter({
    runner,
    store,
    env,
    logger,
    clientOptions: { retryConfig: { retries: 0 } },
    port: 0,
    host: '127.0.0.1',
  });
  if (adapter.port !== undefined) slack.deliverTo({ url: `http://127.0.0.1:${adapter.port}/slack/events`, signingSecret: SIGNING_SECRET });
  return {
    slack,
    adapter,
    runner,
    seen,
    logs,
    store,
    async stop() {
      // The app first (it closes its WebSocket with the fake still there), then the fake.
      await adapter.stop();
      await slack.stop();
    },
  };
}
