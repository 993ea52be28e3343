import { MessageFlags, PermissionFlagsBits, type ButtonInteraction } from 'discord.js';
import { ACTIONS } from '../../../core/actions.js';
import { ADAPTER_LINES } from '../../../core/adapter-lines.js';
import { channelIdOf, placeOf } from '../conversation-key.js';
import { NO_PINGS } from '../deliver.js';
import { markChoice, MESSAGE_MAX } from '../render.js';
import { clickToIncoming } from '../to-message.js';
import type { DiscordListenerContext } from './context.js';
import { acknowledge, rowsOf } from './interaction-helpers.js';

/** Support staff: the configured role, or anyone who may manage the server. No role configured: everyone. */
export function isSupportStaff(interaction: ButtonInteraction, supportRole: string | undefined): boolean {
  if (!supportRole) return true;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  const roles = interaction.member?.roles;
  if (!roles) return false;
  return Array.isArray(roles) ? roles.includes(supportRole) : roles.cache.has(supportRole);
}

/** Staff's "Hand back to the bot" on a handoff summary: the person's conversation resumes with the bot. */
export async function onHandBack(ctx: DiscordListenerContext, interaction: ButtonInteraction, conversationKey: string, userId: string): Promise<void> {
  const place = placeOf(conversationKey);
  if (!place) {
    await interaction.reply({ content: ADAPTER_LINES.unknownConversation, flags: MessageFlags.Ephemeral });
    return;
  }
  if (!isSupportStaff(interaction, ctx.supportRole)) {
    await interaction.reply({ content: ADAPTER_LINES.staffOnly(`<@&${ctx.supportRole}>`), flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    return;
  }
  const stamp = `\n-# ${ADAPTER_LINES.handedBack(`<@${interaction.user.id}>`)}.`;
  const content = `${interaction.message.content.slice(0, MESSAGE_MAX - stamp.length)}${stamp}`;
  await acknowledge(interaction, { content, components: markChoice(rowsOf(interaction.message), interaction.customId), allowedMentions: NO_PINGS }, ctx.logger);
  const click = { interactionId: interaction.id, userId, value: ACTIONS.handBack, receivedAt: interaction.createdTimestamp };
  const outcome = await ctx.runner.run(clickToIncoming(click, conversationKey), {
    deliver: (replies) => ctx.outbox.post(channelIdOf(place), ctx.outbox.bodies(replies, conversationKey)),
  });
  if (outcome.status === 'delivered') ctx.logger.info({ conversationKey, staff: interaction.user.id }, 'discord: conversation handed back to the bot');
}
