import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../src/core/actions.js';
import { silentLogger } from '../../../src/core/logger.js';
import { createSupportbotLogger } from '../../../src/index.js';
import { createDiscordAdapter, type DiscordAdapter } from '../../../src/adapters/discord/index.js';
import { createConversationRunner } from '../../../src/core/conversation-runner.js';
import type { AdapterStatus } from '../../../src/core/adapter.js';
import { startFakeDiscord, type BotMessage, type FakeDiscord } from '../../fakes/fake-discord.js';
import { createFakePipeline, type FakePipeline } from './fake-pipeline.js';

const CARD = '4111 1111 1111 1111';
const CARD_DIGITS = /4111\D?1111\D?1111\D?1111/;
let sentinels = 0;

describe('the Discord adapter (real discord.js against a fake Discord)', () => {
  let discord: FakeDiscord;
  let core: FakePipeline;
  const statuses: AdapterStatus[] = [];
  let app: DiscordAdapter;

  beforeAll(async () => {
    discord = await startFakeDiscord({ token: 'fake-bot-token' });
    core = createFakePipeline();
    const runner = createConversationRunner({ pipeline: core });
    runner.on('adapter:status', (e) => statuses.push(e.status));
    app = createDiscordAdapter({
      runner,
      token: 'fake-bot-token',
      apiUrl: discord.apiUrl,
      supportChannels: [discord.ids.support, discord.ids.payments],
      handoffChannel: discord.ids.staff,
      supportRole: discord.ids.supportRole,
      logger: process.env.DEBUG_DISCORD ? createSupportbotLogger('debug') : silentLogger(),
    });
    await app.start();
  });

  afterAll(async () => {
    // The client first: a fake stopped under a live client keeps it reconnecting.
    await app?.stop();
    await discord?.stop();
  });

  const replyIn = (channelId: string, predicate: (m: BotMessage) => boolean = () => true) =>
    discord.waitForMessage((m) => m.channelId === channelId && predicate(m));

  /** Events are handled in order: once a later DM is answered, an earlier message was seen and decided on. */
  async function afterEverythingBefore(): Promise<void> {
    const text = `sentinel ${(sentinels += 1).toString(36)}x${Date.now().toString(36)}`;
    discord.sendMessage({ content: text, dm: true, author: discord.users.bob });
    await discord.waitForMessage((m) => m.content.includes(text));
  }

  it('logs in with the gateway intents it needs and the bot token', () => {
    const identify = discord.gatewayFrames.find((f) => f.op === 2);
    const d = identify?.d as { intents: number; token: string };
    // Guilds (1) | GuildMessages (512) | DirectMessages (4096) | MessageContent (32768)
    expect(d.intents).toBe(1 + 512 + 4096 + 32768);
    expect(d.token).toBe('fake-bot-token');
    expect(discord.rest.find((c) => c.path === '/gateway/bot')?.authorization).toBe('Bot fake-bot-token');
  });

  it('answers a mention in a support channel by opening a thread with buttons and a source line', async () => {
    const msg = discord.sendMessage({ content: 'my **card** was `declined`', mentionBot: true });
    const reply = await replyIn(String(msg.id));
    const thread = discord.rest.find((c) => c.method === 'POST' && c.path === `/channels/${discord.ids.support}/messages/${msg.id}/threads`);
    expect(thread?.body).toMatchObject({ name: 'my card was declined' });
    expect(reply.content).toContain('You said: my card was declined');
    expect(reply.content).toMatch(/\n-# Source: Why cards are declined \(guide-one\.md\)$/);
    const buttons = discord.buttonsOf(reply);
    expect(buttons.map((b) => b.label)).toEqual(['My card was declined', 'Talk to a person']);
    for (const b of buttons) expect(String(b.custom_id).length).toBeLessThanOrEqual(100);
    expect(reply.allowedMentions).toEqual({ parse: [] });
    const seen = core.received.find((m) => m.eventId === `discord:message:${msg.id}`);
    expect(seen).toMatchObject({ platform: 'discord', conversationKey: `discord:thread:${msg.id}`, userId: discord.ids.alice, text: 'my card was declined' });
  });

  it('continues the conversation in its thread without a mention', async () => {
    const first = discord.sendMessage({ content: 'I need help', mentionBot: true });
    await replyIn(String(first.id));
    const next = discord.sendMessage({ content: 'it says do not honor', channelId: String(first.id) });
    const reply = await replyIn(String(first.id), (m) => m.content.includes('do not honor'));
    expect(reply.content).toContain('You said: it says do not honor');
    expect(core.received.find((m) => m.eventId === `discord:message:${next.id}`)?.conversationKey).toBe(`discord:thread:${first.id}`);
  });

  it('leaves alone messages in its thread addressed to someone else or written by the support team', async () => {
    const first = discord.sendMessage({ content: 'hello there', mentionBot: true });
    await replyIn(String(first.id));
    const aside = discord.sendMessage({
      content: `<@${discord.ids.bob}> can you look?`,
      channelId: String(first.id),
      author: discord.users.staffer,
      mentions: [discord.users.bob],
    });
    const staffNote = discord.sendMessage({ content: 'Hi Alice, I am looking into it', channelId: String(first.id), author: discord.users.staffer });
    await afterEverythingBefore();
    expect(core.calls.some((m) => m.eventId === `discord:message:${aside.id}`)).toBe(false);
    expect(core.calls.some((m) => m.eventId === `discord:message:${staffNote.id}`)).toBe(false);
  });

  it('ignores mentions outside the support channels and messages without a mention', async () => {
    const elsewhere = discord.sendMessage({ content: 'help?', mentionBot: true, channelId: discord.ids.general });
    const unaddressed = discord.sendMessage({ content: 'just chatting' });
    await afterEverythingBefore();
    const ids = core.calls.map((m) => m.eventId);
    expect(ids).not.toContain(`discord:message:${elsewhere.id}`);
    expect(ids).not.toContain(`discord:message:${unaddressed.id}`);
  });

  it('answers direct messages in the DM channel', async () => {
    const msg = discord.sendMessage({ content: 'hi from a DM', dm: true });
    const dm = discord.dmChannelId(discord.users.alice);
    const reply = await replyIn(dm, (m) => m.content.includes('hi from a DM'));
    expect(discord.buttonsOf(reply)).toHaveLength(2);
    expect(core.received.find((m) => m.eventId === `discord:message:${msg.id}`)?.conversationKey).toBe(`discord:dm:${dm}`);
  });

  it('never answers other bots or itself', async () => {
    discord.sendMessage({ content: 'I am a bot', mentionBot: true, author: discord.users.otherBot });
    await afterEverythingBefore();
    expect(core.calls.filter((m) => m.userId === discord.ids.otherBot)).toHaveLength(0);
    // The fake echoes every message the bot posts, as Discord does: none came back in.
    expect(discord.messages.length).toBeGreaterThan(0);
    expect(core.calls.filter((m) => m.userId === discord.ids.application)).toHaveLength(0);
  });

  it('answers a repeated message id only once', async () => {
    const msg = discord.sendMessage({ content: 'answer me once', mentionBot: true });
    discord.sendMessage({ content: 'answer me once', mentionBot: true, id: String(msg.id) });
    await replyIn(String(msg.id));
    await afterEverythingBefore();
    expect(discord.messages.filter((m) => m.channelId === msg.id)).toHaveLength(1);
    expect(discord.threads.filter((t) => t.id === msg.id)).toHaveLength(1);
  });

  it('continues on a click: marks the choice on the clicked message and answers in the thread', async () => {
    const msg = discord.sendMessage({ content: 'payment problem', mentionBot: true });
    const reply = await replyIn(String(msg.id));
    const click = discord.clickButton(reply, { label: 'My card was declined' });
    const update = await discord.waitForInteractionResponse((r) => r.interactionId === click.id);
    expect(update.type).toBe(7);
    const [chosen, other] = discord.buttonsOf(reply);
    expect(chosen).toMatchObject({ disabled: true, style: 3 });
    expect(other).toMatchObject({ disabled: true, style: 2 });
    const answer = await replyIn(String(msg.id), (m) => m.content.includes('clicked intent:payment_declined'));
    expect(answer.via).toBe('channel');
    expect(core.received.find((m) => m.eventId === `discord:interaction:${click.id}`)).toMatchObject({
      action: 'intent:payment_declined',
      conversationKey: `discord:thread:${msg.id}`,
    });
  });

  it('answers a click in a direct message in that DM', async () => {
    discord.sendMessage({ content: 'dm buttons please', dm: true, author: discord.users.bob });
    const dm = discord.dmChannelId(discord.users.bob);
    const reply = await replyIn(dm, (m) => m.content.includes('dm buttons please'));
    const click = discord.clickButton(reply, { index: 0, user: discord.users.bob });
    await replyIn(dm, (m) => m.content.includes('clicked intent:payment_declined'));
    expect(core.received.find((m) => m.eventId === `discord:interaction:${click.id}`)?.conversationKey).toBe(`discord:dm:${dm}`);
  });

  it('deletes a message with a card number where it may, says why, and never repeats the number', async () => {
    const msg = discord.sendMessage({ content: `my card ${CARD} was declined`, mentionBot: true });
    const notice = await replyIn(String(msg.id), (m) => m.content.includes('deleted your message'));
    expect(notice.content).toContain('a card number');
    expect(discord.deleted).toContainEqual({ channelId: discord.ids.support, messageId: msg.id });
    const thread = discord.rest.find((c) => c.path === `/channels/${discord.ids.support}/messages/${msg.id}/threads`);
    expect(JSON.stringify(thread?.body)).not.toMatch(CARD_DIGITS);
    await replyIn(String(msg.id), (m) => m.content.includes('You said'));
    expect(JSON.stringify(discord.messages)).not.toMatch(CARD_DIGITS);
  });

  it('warns instead where it may not delete messages', async () => {
    const msg = discord.sendMessage({ content: `card ${CARD}`, mentionBot: true, channelId: discord.ids.payments });
    const notice = await replyIn(String(msg.id), (m) => m.content.includes('Please delete it'));
    expect(notice.content).toContain("I'm not allowed to delete it here");
    expect(discord.deleted.map((d) => d.messageId)).not.toContain(msg.id);
    expect(discord.rest.some((c) => c.method === 'DELETE' && c.path.endsWith(`/${msg.id}`))).toBe(false);
  });

  it('asks the person to delete a card number sent in a direct message', async () => {
    discord.sendMessage({ content: `here: ${CARD}`, dm: true, author: discord.users.bob });
    const dm = discord.dmChannelId(discord.users.bob);
    const notice = await replyIn(dm, (m) => m.content.includes("bots can't delete"));
    expect(notice.content).toContain('a card number');
    expect(JSON.stringify(discord.messages)).not.toMatch(CARD_DIGITS);
  });

  it('posts a handoff summary to the staff channel that staff can hand back', async () => {
    const msg = discord.sendMessage({ content: 'I want a person please', mentionBot: true });
    const summary = await replyIn(discord.ids.staff, (m) => m.content.includes(`<#${msg.id}>`));
    expect(summary.content).toContain(`<@&${discord.ids.supportRole}>`);
    expect(summary.content).toContain(`<@${discord.ids.alice}>`);
    expect(summary.content).toContain('explained 3-D Secure');
    expect(summary.allowedMentions).toEqual({ parse: [], roles: [discord.ids.supportRole] });
    const [handBack] = discord.buttonsOf(summary);
    expect(handBack?.label).toBe('Hand back to the bot');

    // Someone without the support role may not.
    const refused = discord.clickButton(summary, { index: 0, user: discord.users.bob });
    const refusal = await discord.waitForInteractionResponse((r) => r.interactionId === refused.id);
    expect(refusal).toMatchObject({ type: 4, data: { flags: 64 } });

    const click = discord.clickButton(summary, { index: 0, user: discord.users.staffer });
    await replyIn(String(msg.id), (m) => m.content.includes('The bot is back'));
    expect(core.received.find((m) => m.eventId === `discord:interaction:${click.id}`)).toMatchObject({
      action: ACTIONS.handBack,
      conversationKey: `discord:thread:${msg.id}`,
      userId: discord.ids.alice,
    });
    expect(summary.content).toContain(`Handed back to the bot by <@${discord.ids.staffer}>`);
    expect(discord.buttonsOf(summary)[0]).toMatchObject({ disabled: true });
  });

  it('answers /alipay-help in a support channel in a new thread, and tells the person where', async () => {
    const command = discord.runSlashCommand({ options: [{ name: 'question', type: 3, value: 'how do I add a **Visa**?' }] });
    const deferred = await discord.waitForInteractionResponse((r) => r.interactionId === command.id);
    expect(deferred).toMatchObject({ type: 5, data: { flags: 64 } });
    const pointer = await discord.waitForMessage((m) => m.interactionId === command.id && m.content.startsWith('I opened a thread'));
    const threadId = /<#(\d+)>/.exec(pointer.content)?.[1] ?? '';
    const asked = await replyIn(threadId, (m) => m.content.includes('asked'));
    expect(asked.content).toBe(`<@${discord.ids.alice}> asked: “how do I add a Visa?”`);
    expect(asked.allowedMentions).toEqual({ parse: [], users: [discord.ids.alice] });
    await replyIn(threadId, (m) => m.content.includes('You said: how do I add a Visa?'));
    expect(core.received.find((m) => m.eventId === `discord:interaction:${command.id}`)?.conversationKey).toBe(`discord:thread:${threadId}`);
  });

  it('answers /alipay-help in a direct message right there', async () => {
    const command = discord.runSlashCommand({ dm: true, options: [{ name: 'question', type: 3, value: 'fees?' }] });
    const answer = await discord.waitForMessage((m) => m.interactionId === command.id && m.content.includes('You said: fees?'));
    expect(discord.buttonsOf(answer)).toHaveLength(2);
    expect(answer.channelId).toBe(discord.dmChannelId(discord.users.alice));
  });

  it('survives a core that throws: the person gets an apology with a reference, and the bot keeps answering', async () => {
    const inThread = discord.sendMessage({ content: 'please explode', mentionBot: true });
    discord.sendMessage({ content: 'explode in a DM', dm: true });
    await afterEverythingBefore();
    await app.idle();
    expect(core.calls.filter((m) => m.text?.includes('explode'))).toHaveLength(2);
    const apologies = discord.messages.filter((m) => /something went wrong on my side.*quote reference [0-9a-f]{8}/s.test(m.content));
    expect(apologies.map((m) => m.channelId).sort()).toEqual([String(inThread.id), discord.dmChannelId(discord.users.alice)].sort());
  });

  it('ignores a malformed event and keeps answering', async () => {
    const calls = core.calls.length;
    const posted = discord.messages.length;
    discord.dispatch('MESSAGE_CREATE', { id: 'not-a-snowflake', channel_id: discord.ids.support, content: 'x', author: { id: 'nope', username: 'x', bot: false } });
    discord.dispatch('INTERACTION_CREATE', { id: '1', type: 3, data: { custom_id: 'sb:0:x', component_type: 2 } });
    await afterEverythingBefore();
    // Only the sentinel DM reached the core and was answered.
    expect(core.calls.slice(calls).map((m) => m.text)).toEqual([expect.stringMatching(/^sentinel /)]);
    expect(discord.messages.slice(posted)).toHaveLength(1);
    expect(discord.interactionResponses.some((r) => r.interactionId === '1')).toBe(false);
  });

  it('reports its connection: ready once started, and announces each change on the runner', () => {
    expect(app.status().state).toBe('ready');
    expect(statuses.map((s) => s.state)).toContain('ready');
  });

  it('does not answer again a message replayed to a restarted bot (the core dedupes by message id)', async () => {
    const msg = discord.sendMessage({ content: 'before the restart', mentionBot: true });
    await replyIn(String(msg.id));
    await app.stop();
    app = createDiscordAdapter({ runner: createConversationRunner({ pipeline: core }), token: 'fake-bot-token', apiUrl: discord.apiUrl, logger: silentLogger() });
    await app.start();
    discord.sendMessage({ content: 'before the restart', mentionBot: true, id: String(msg.id) });
    await afterEverythingBefore();
    expect(core.calls.filter((m) => m.eventId === `discord:message:${msg.id}`)).toHaveLength(2);
    expect(discord.messages.filter((m) => m.channelId === msg.id)).toHaveLength(1);
    expect(discord.threads.filter((t) => t.id === msg.id)).toHaveLength(1);
  });

  it('resumes after the gateway asks it to reconnect (op 7) and keeps answering', async () => {
    const before = discord.connections();
    const resume = await discord.requestReconnect();
    expect(resume).toMatchObject({ session_id: 'fake-session', token: 'fake-bot-token' });
    expect(discord.connections()).toBe(before + 1);
    const msg = discord.sendMessage({ content: 'still there?', mentionBot: true });
    await replyIn(String(msg.id));
  });
});
