import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { ADAPTER_LINES } from '../../../core/adapter-lines.js';
import { channelIdOf, conversationKeyOf } from '../conversation-key.js';
import { markChoice } from '../render.js';
import { clickToIncoming } from '../to-message.js';
import type { DiscordListenerContext } from './context.js';
import { onHandBack } from './hand-back.js';
import { acknowledge, placeOfInteraction, rowsOf } from './interaction-helpers.js';

/** A click on one of the bot's buttons: a choice continues the conversation; staff may hand back. */
export async function onButton(ctx: DiscordListenerContext, interaction: ButtonInteraction): Promise<void> {
  const decoded = ctx.codec.decode(interaction.customId);
  if (decoded.kind === 'foreign' || decoded.kind === 'expired') {
    await interaction.reply({ content: ADAPTER_LINES.buttonExpired, flags: MessageFlags.Ephemeral });
    return;
  }
  if (decoded.kind === 'hand_back') {
    await onHandBack(ctx, interaction, decoded.conversationKey, decoded.userId);
    return;
  }
  const place = placeOfInteraction(interaction);
  // Discord wants an answer within 3 s: show the choice first, then run the turn.
  await acknowledge(interaction, { components: markChoice(rowsOf(interaction.message), interaction.customId) }, ctx.logger);
  const key = conversationKeyOf(place);
  const click = { interactionId: interaction.id, userId: interaction.user.id, value: decoded.value, receivedAt: interaction.createdTimestamp };
  await ctx.runner.run(clickToIncoming(click, key), {
    deliver: (replies) => ctx.outbox.post(channelIdOf(place), ctx.outbox.bodies(replies, key)),
    notifyStaff: (summary) => ctx.outbox.notifyStaff(summary),
  });
}
