import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { ADAPTER_LINES } from '../../../core/adapter-lines.js';
import type { OwnerCheck } from '../../../core/conversation-owners.js';
import { NO_PINGS } from '../deliver.js';
import type { DiscordListenerContext } from './context.js';

/** The private note for someone who is not the conversation's owner. */
export function notYours(check: OwnerCheck): string {
  return ADAPTER_LINES.notYourConversation(check.owner ? `<@${check.owner}>` : undefined);
}

/**
 * A click or a command in a conversation: only its owner drives it. Anyone else gets an ephemeral
 * answer to their interaction and nothing changes. `starts`: a command may start a conversation
 * (its author then owns it); a click never does.
 */
export async function interactionMayDrive(
  ctx: DiscordListenerContext,
  interaction: ButtonInteraction | ChatInputCommandInteraction,
  conversationKey: string,
  starts: boolean,
): Promise<boolean> {
  const userId = interaction.user.id;
  const at = interaction.createdTimestamp;
  const check = starts ? await ctx.owners.admitMessage(conversationKey, userId, at) : await ctx.owners.admitClick(conversationKey, userId, at);
  if (check.allowed) return true;
  ctx.logger.info({ conversationKey, userId, owner: check.owner }, "discord: someone else's conversation; not passed to the core");
  await interaction.reply({ content: notYours(check), flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
  return false;
}

/** A typed message: the owner's goes on; anyone else is told in a DM, at most once an hour per conversation. */
export async function messageMayDrive(ctx: DiscordListenerContext, conversationKey: string, userId: string, at: number): Promise<boolean> {
  const check = await ctx.owners.admitMessage(conversationKey, userId, at);
  if (check.allowed) return true;
  ctx.logger.info({ conversationKey, userId, owner: check.owner }, "discord: someone else's conversation; not passed to the core");
  if (ctx.owners.shouldTell(conversationKey, userId, at)) await ctx.outbox.tellPrivately(userId, notYours(check));
  return false;
}
