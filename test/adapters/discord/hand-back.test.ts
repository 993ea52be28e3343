/**
 * Finding 7 (Discord): only support staff may hand back, in the handoff channel; the conversation
 * on the hand-back id is signed; a forged custom id (a choice carrying `handoff:release`, an unsigned
 * or edited hand-back) never gets past. Forged ids are clicked as a modified client would send them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermissionFlagsBits, PermissionsBitField, type ButtonInteraction } from 'discord.js';
import { isSupportStaff } from '../../../src/adapters/discord/listeners/hand-back.js';
import { createButtonCodec } from '../../../src/adapters/discord/custom-id.js';
import { ACTIONS } from '../../../src/core/actions.js';
import type { BotMessage } from '../../fakes/fake-discord.js';
import { startDiscordHarness, TOKEN, withButton, type DiscordHarness } from './harness.js';

describe('handing a Discord conversation back to the bot', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  const handBacks = () => h.core.received.filter((m) => m.action === ACTIONS.handBack);

  async function summaryFor(threadId: string, reply: BotMessage): Promise<BotMessage> {
    h.discord.clickButton(reply, { label: 'Talk to a person', user: h.discord.users.alice });
    return h.discord.waitForMessage((m) => m.channelId === h.discord.ids.staff && m.content.includes(`<#${threadId}>`));
  }

  async function refusal(message: BotMessage, customId: string, user = h.discord.users.staffer): Promise<string> {
    const click = h.discord.clickButton(withButton(message, customId), { customId, user });
    const answer = await h.discord.waitForInteractionResponse((r) => r.interactionId === click.id);
    expect(answer).toMatchObject({ type: 4, data: { flags: 64 } });
    return String(answer.data?.content);
  }

  it('never takes a choice that carries the hand-back action, even from the owner', async () => {
    const { threadId, reply } = await h.aliceThread('forged choice');
    const before = handBacks().length;
    for (const value of [ACTIONS.handBack, 'HANDOFF:RELEASE']) {
      expect(await refusal(reply, `sb:0:${value}`, h.discord.users.alice)).toContain('expired');
    }
    await h.discord.waitForQuiet(200);
    expect(handBacks().length).toBe(before);
    expect(h.discord.messages.some((m) => m.channelId === threadId && m.content.includes('The bot is back'))).toBe(false);
  });

  it('refuses a hand-back id that is not signed by this bot, even from staff in the handoff channel', async () => {
    const { threadId, key, reply } = await h.aliceThread('forged hand-back');
    const summary = await summaryFor(threadId, reply);
    const before = handBacks().length;
    const otherKey = 'discord:thread:1300000000000000077';
    for (const forged of [
      `sbhb:${h.discord.ids.alice}:${key}`, // the old, unsigned form
      `sbhb:${key}`,
      createButtonCodec({ secret: 'another-token' }).encodeHandBack(key),
      createButtonCodec({ secret: TOKEN }).encodeHandBack(key).replace(threadId, otherKey.split(':')[2] ?? ''),
    ]) {
      expect(await refusal(summary, forged)).toContain('not valid');
    }
    await h.discord.waitForQuiet(200);
    expect(handBacks().length).toBe(before);
  });

  it('lets only the support role hand back, and only in the handoff channel', async () => {
    const { discord } = h;
    const { threadId, key, reply } = await h.aliceThread('real hand-back');
    const summary = await summaryFor(threadId, reply);
    const [button] = discord.buttonsOf(summary);
    const customId = String(button?.custom_id);
    expect(await refusal(summary, customId, discord.users.bob)).toContain(`<@&${discord.ids.supportRole}>`);
    // The same signed id, clicked somewhere else than the handoff channel.
    const elsewhere = { ...summary, channelId: threadId };
    expect(await refusal(elsewhere, customId)).toContain('support team');
    expect(handBacks().some((m) => m.conversationKey === key)).toBe(false);

    discord.clickButton(summary, { customId, user: discord.users.staffer });
    await discord.waitForMessage((m) => m.channelId === threadId && m.content.includes('The bot is back'));
    expect(handBacks().filter((m) => m.conversationKey === key)).toEqual([expect.objectContaining({ userId: discord.ids.alice })]);
  });
});

describe('who counts as support staff in Discord', () => {
  // discord.js computes these from the interaction Discord sends; the custom id plays no part.
  const clicker = (permissions: bigint, roles: string[], inGuild = true) =>
    ({ inGuild: () => inGuild, memberPermissions: new PermissionsBitField(permissions), member: { roles } }) as unknown as ButtonInteraction;

  it('is the support role or Manage Server; with no role configured, only Manage Server', () => {
    expect(isSupportStaff(clicker(0n, ['role-1']), 'role-1')).toBe(true);
    expect(isSupportStaff(clicker(PermissionFlagsBits.ManageGuild, []), 'role-1')).toBe(true);
    expect(isSupportStaff(clicker(PermissionFlagsBits.ManageMessages, ['role-2']), 'role-1')).toBe(false);
    expect(isSupportStaff(clicker(PermissionFlagsBits.ManageMessages, ['role-1']), undefined)).toBe(false);
    expect(isSupportStaff(clicker(PermissionFlagsBits.ManageGuild, []), undefined)).toBe(true);
    expect(isSupportStaff(clicker(PermissionFlagsBits.ManageGuild, ['role-1'], false), 'role-1')).toBe(false);
  });
});
