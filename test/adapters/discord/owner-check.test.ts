/**
 * Finding 6 (Discord): in a thread only the person who started the conversation drives it. Others'
 * clicks get an ephemeral answer, their messages a DM (once an hour), and nothing reaches the core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../src/core/actions.js';
import { startDiscordHarness, type DiscordHarness } from './harness.js';

describe('only the owner drives a Discord thread conversation', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('answers someone else\'s click privately and changes nothing: no handoff names them, the buttons stay', async () => {
    const { discord, core } = h;
    const { threadId, key, reply } = await h.aliceThread();
    const received = core.received.length;
    const click = discord.clickButton(reply, { label: 'Talk to a person', user: discord.users.bob });
    const answer = await discord.waitForInteractionResponse((r) => r.interactionId === click.id);
    expect(answer).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(String(answer.data?.content)).toContain(`<@${discord.ids.alice}>'s conversation`);
    await discord.waitForQuiet(200);
    expect(core.received.slice(received)).toEqual([]);
    expect(discord.buttonsOf(reply).every((b) => b.disabled !== true)).toBe(true);
    expect(discord.messages.some((m) => m.channelId === discord.ids.staff && m.content.includes(`<#${threadId}>`))).toBe(false);

    // Alice's own click goes through, and the handoff names her.
    const own = discord.clickButton(reply, { label: 'Talk to a person', user: discord.users.alice });
    const summary = await discord.waitForMessage((m) => m.channelId === discord.ids.staff && m.content.includes(`<#${threadId}>`));
    expect(summary.content).toContain(`**Who:** <@${discord.ids.alice}>`);
    expect(core.received.find((m) => m.eventId === `discord:interaction:${own.id}`)).toMatchObject({ action: ACTIONS.human, userId: discord.ids.alice, conversationKey: key });
  });

  it('does not pass on what someone else types in the thread, and tells them once, in a DM', async () => {
    const { discord, core } = h;
    const { threadId, key } = await h.aliceThread('payment pending');
    const bobDm = discord.dmChannelId(discord.users.bob);
    const dmsBefore = discord.messages.filter((m) => m.channelId === bobDm).length;
    const first = discord.sendMessage({ content: 'same here', channelId: threadId, author: discord.users.bob });
    const second = discord.sendMessage({ content: 'hello?', channelId: threadId, author: discord.users.bob, mentionBot: true });
    const note = await discord.waitForMessage((m) => m.channelId === bobDm && m.content.includes('conversation with me'));
    expect(note.content).toContain(`<@${discord.ids.alice}>'s conversation`);
    // Alice goes on; by the time she is answered, Bob's messages were seen and dropped.
    const next = discord.sendMessage({ content: 'still pending', channelId: threadId, author: discord.users.alice });
    await discord.waitForMessage((m) => m.channelId === threadId && m.content.includes('You said: still pending'));
    expect(core.calls.map((m) => m.eventId)).not.toContain(`discord:message:${first.id}`);
    expect(core.calls.map((m) => m.eventId)).not.toContain(`discord:message:${second.id}`);
    expect(core.received.find((m) => m.eventId === `discord:message:${next.id}`)?.conversationKey).toBe(key);
    expect(discord.messages.filter((m) => m.channelId === bobDm).length - dmsBefore).toBe(1);
  });

  it('refuses /alipay-help in someone else\'s thread, privately', async () => {
    const { discord, core } = h;
    const { threadId } = await h.aliceThread('verification failed');
    const calls = core.calls.length;
    const command = discord.runSlashCommand({ channelId: threadId, user: discord.users.bob, options: [{ name: 'question', type: 3, value: 'me too' }] });
    const answer = await discord.waitForInteractionResponse((r) => r.interactionId === command.id);
    expect(answer).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(core.calls.slice(calls)).toEqual([]);
  });
});
