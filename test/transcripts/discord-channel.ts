/**
 * Replays transcripts through the real Discord adapter (real discord.js) against the fake Discord
 * on 127.0.0.1. A typed turn is a direct message from a person of its own; a click is a button
 * interaction on the last bot message in the DM with that (enabled) button; `handoff:release` is
 * staff clicking "Hand back to the bot" on the summary in the staff channel. Replies are read back
 * from the messages the fake received (content and components); intent, flow and step come from
 * the core's TurnResult.
 */
import { parseEnv } from '../../src/config/env.js';
import { ACTIONS } from '../../src/core/actions.js';
import { silentLogger } from '../../src/core/logger.js';
import type { Reply } from '../../src/core/types.js';
import { startDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/index.js';
import { createConversationRunner } from '../../src/core/conversation-runner.js';
import { createButtonCodec } from '../../src/adapters/discord/custom-id.js';
import { renderReplies } from '../../src/adapters/discord/render.js';
import type { CoreParts } from '../../src/transcripts/core-channel.js';
import type { ChannelFactory } from '../../src/transcripts/replayer.js';
import { FAKE_USERS, startFakeDiscord, type BotMessage, type FakeDiscord, type FakeUser } from '../fakes/fake-discord.js';
import { createReplayRouter, observe } from './replay-router.js';

const TOKEN = 'replay-discord-token';

export interface DiscordReplay {
  readonly factory: ChannelFactory;
  readonly discord: FakeDiscord;
  stop(): Promise<void>;
}

interface RenderedButton {
  label: string;
  value: string;
  customId: string;
  disabled: boolean;
}

/** The buttons of a bot message, with the core's value decoded from `sb:<index>:<value>`. */
function buttonsIn(discord: FakeDiscord, message: BotMessage): RenderedButton[] {
  return discord.buttonsOf(message).map((b) => {
    const customId = String(b.custom_id ?? '');
    return { label: String(b.label ?? ''), value: /^sb:\d{1,2}:(.+)$/s.exec(customId)?.[1] ?? customId, customId, disabled: b.disabled === true };
  });
}

function replyOf(discord: FakeDiscord, message: BotMessage): Reply {
  // The `-# Source: …` subtext line is the citation; the core's result names the sections.
  const text = message.content
    .split('\n')
    .filter((line) => !/^-# Sources?: /.test(line))
    .join('\n');
  return { text, buttons: buttonsIn(discord, message).map((b) => ({ label: b.label, value: b.value })), citations: [] };
}

let userCounter = 0;

export async function startDiscordReplay(parts: CoreParts): Promise<DiscordReplay> {
  const discord = await startFakeDiscord({ token: TOKEN });
  const router = createReplayRouter(parts);
  let adapter: DiscordAdapter;
  try {
    adapter = await startDiscordAdapter({
      runner: createConversationRunner({ pipeline: router.bot }),
      // Only staff (the support role) may hand back; the fake's staffer has it.
      env: parseEnv({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: discord.apiUrl, DISCORD_HANDOFF_CHANNEL: discord.ids.staff, DISCORD_SUPPORT_ROLE: discord.ids.supportRole }),
      logger: silentLogger(),
    });
    await discord.ready();
  } catch (error) {
    await discord.stop();
    throw error;
  }
  // Rendering the same replies tells how many messages a turn posts (long text is split).
  const codec = createButtonCodec();

  const factory: ChannelFactory = async (context) => {
    // A new person (and so a new DM channel) per transcript: a fresh conversation.
    userCounter += 1;
    const person: FakeUser = { ...FAKE_USERS.bob, id: `16${String(Date.now() % 1e9).padStart(9, '0')}${String(userCounter).padStart(6, '0')}`, username: `replay${userCounter}` };
    const channelId = discord.dmChannelId(person);
    const conversationKey = `discord:dm:${channelId}`;
    const conversation = await router.begin(context, conversationKey);
    const inDm = (from: number) => discord.messages.slice(from).filter((m) => m.channelId === channelId);

    return {
      async send(input) {
        const before = discord.messages.length;
        const seen = conversation.results.length;
        if (input.action === ACTIONS.handBack) {
          // The hand-back id carries the conversation key, signed: `sbhb:<key>~<mac>`.
          const handsBack = (customId: string) => customId.startsWith(`sbhb:${conversationKey}~`);
          const summary = await discord.waitForMessage((m) => m.channelId === discord.ids.staff && buttonsIn(discord, m).some((b) => handsBack(b.customId) && !b.disabled));
          const button = buttonsIn(discord, summary).find((b) => handsBack(b.customId));
          discord.clickButton(summary, { customId: button?.customId ?? '', user: FAKE_USERS.staffer });
        } else if (input.action !== undefined) {
          const value = input.action;
          const message = inDm(0)
            .reverse()
            .find((m) => buttonsIn(discord, m).some((b) => b.value === value && !b.disabled));
          const button = message && buttonsIn(discord, message).find((b) => b.value === value && !b.disabled);
          if (!message || !button) throw new Error(`no bot message in the Discord DM offers an enabled button with the value ${JSON.stringify(value)}`);
          discord.clickButton(message, { customId: button.customId, user: person });
        } else {
          discord.sendMessage({ content: input.text ?? '', dm: true, author: person });
        }
        const result = await conversation.nextResult(seen);
        // The adapter posts the rendered replies (the core's privacy notice is one of them).
        const expected = renderReplies(result.replies, codec).bodies.length;
        const started = Date.now();
        while (inDm(before).length < expected) {
          if (Date.now() - started > 5000) throw new Error(`Discord received ${inDm(before).length} of ${expected} messages for this turn`);
          await new Promise((r) => setTimeout(r, 10));
        }
        // Nothing more should follow; a short quiet spell makes sure.
        await discord.waitForQuiet(60);
        const messages = inDm(before);
        if (result.citations.length > 0 && !messages.some((m) => /^-# Sources?: /m.test(m.content))) {
          throw new Error('the core cited sources but Discord showed no "Source:" line');
        }
        return observe(result, messages.map((m) => replyOf(discord, m)));
      },
      close: () => conversation.close(),
    };
  };

  return {
    factory,
    discord,
    async stop() {
      // The discord.js client first: a fake stopped under a live client keeps it reconnecting.
      await adapter.stop();
      await discord.stop();
    },
  };
}
