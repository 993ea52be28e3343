import { MessageFlags, PermissionFlagsBits, type ButtonInteraction } from 'discord.js';
import { ACTIONS } from '../../../core/actions.js';
import { ADAPTER_LINES } from '../../../core/adapter-lines.js';
import { channelIdOf, placeOf } from '../conversation-key.js';
import { NO_PINGS } from '../deliver.js';
import { markChoice, MESSAGE_MAX } from '../render.js';
import { clickToIncoming } from '../to-message.js';
import type { DiscordListenerContext } from './context.js';
import { acknowledge, rowsOf } from './interaction-helpers.js';

/**
 * Support staff: members with the configured support role, or who may manage the server. Without
 * a configured role, only those who may manage the server (a hand-back must never be open to all).
 * Roles and permissions come from Discord's interaction, not from anything in the custom id.
 */
export function isSupportStaff(interaction: ButtonInteraction, supportRole: string | undefined): boolean {
  if (!interaction.inGuild()) return false;
  if (interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) return true;
  if (!supportRole) return false;
  const roles = interaction.member.roles;
  return Array.isArray(roles) ? roles.includes(supportRole) : roles.cache.has(supportRole);
}

/** Staff's "Hand back to the bot" on a handoff summary (the key verified by the codec): the person's conversation resumes with the bot. */
export async function onHandBack(ctx: DiscordListenerContext, interaction: ButtonInteraction, conversationKey: string): Promise<void> {
  const inHandoffChannel = ctx.handoffChannel === undefined || interaction.channelId === ctx.handoffChannel;
  if (!inHandoffChannel || !isSupportStaff(interaction, ctx.supportRole)) {
    ctx.logger.warn({ conversationKey, userId: interaction.user.id, channelId: interaction.channelId }, 'discord: hand-back refused: not support staff, or not in the handoff channel');
    const team = ctx.supportRole ? `<@&${ctx.supportRole}>` : 'members who may manage the server';
    await interaction.reply({ content: ADAPTER_LINES.staffOnly(team), flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    return;
  }
  const place = placeOf(conversationKey);
  if (!place) {
    await interaction.reply({ content: ADAPTER_LINES.unknownConversation, flags: MessageFlags.Ephemeral });
    return;
  }
  const stamp = `\n-# ${ADAPTER_LINES.handedBack(`<@${interaction.user.id}>`)}.`;
  const content = `${interaction.message.content.slice(0, MESSAGE_MAX - stamp.length)}${stamp}`;
  await acknowledge(interaction, { content, components: markChoice(rowsOf(interaction.message), interaction.customId), allowedMentions: NO_PINGS }, ctx.logger);
  // The turn is the person's: it goes in under the conversation's owner when known (staff are named in the stamp).
  const userId = (await ctx.owners.ownerOf(conversationKey)) ?? interaction.user.id;
  const click = { interactionId: interaction.id, userId, value: ACTIONS.handBack, receivedAt: interaction.createdTimestamp };
  const outcome = await ctx.runner.run(clickToIncoming(click, conversationKey), {
    deliver: (replies) => ctx.outbox.post(channelIdOf(place), ctx.outbox.bodies(replies, conversationKey)),
  });
  if (outcome.status === 'delivered') ctx.logger.info({ conversationKey, staff: interaction.user.id }, 'discord: conversation handed back to the bot');
}
