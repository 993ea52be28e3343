import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { ADAPTER_LINES } from '../../../core/adapter-lines.js';
import { channelIdOf, conversationKeyOf } from '../conversation-key.js';
import { markChoice } from '../render.js';
import { clickToIncoming } from '../to-message.js';
import type { DiscordListenerContext } from './context.js';
import { onLiveControl } from './live-staff.js';
import { isStaffAction } from '../../../core/actions.js';
import { liveVerbOf } from '../render-live.js';
import { onHandBack } from './hand-back.js';
import { acknowledge, placeOfInteraction, rowsOf } from './interaction-helpers.js';
import { interactionMayDrive } from './owner-check.js';

/** A click on one of the bot's buttons: a choice continues its owner's conversation; staff may hand back. */
export async function onButton(ctx: DiscordListenerContext, interaction: ButtonInteraction): Promise<void> {
  const verb = ctx.live ? liveVerbOf(interaction.customId) : undefined;
  if (verb) {
    await onLiveControl(ctx, interaction, verb);
    return;
  }
  const decoded = ctx.codec.decode(interaction.customId);
  // Staff actions come only from the summary's controls (checked for who clicked), never from a choice.
  if (decoded.kind === 'foreign' || decoded.kind === 'expired' || (decoded.kind === 'action' && isStaffAction(decoded.value))) {
    await interaction.reply({ content: ADAPTER_LINES.buttonExpired, flags: MessageFlags.Ephemeral });
    return;
  }
  if (decoded.kind === 'hand_back_invalid') {
    ctx.logger.warn({ interactionId: interaction.id, userId: interaction.user.id }, 'discord: hand-back with an invalid signature refused');
    await interaction.reply({ content: ADAPTER_LINES.handBackInvalid, flags: MessageFlags.Ephemeral });
    return;
  }
  if (decoded.kind === 'hand_back') {
    await onHandBack(ctx, interaction, decoded.conversationKey);
    return;
  }
  const place = placeOfInteraction(interaction);
  const key = conversationKeyOf(place);
  // Before anything changes: someone else's click leaves the buttons and the conversation as they are.
  if (!(await interactionMayDrive(ctx, interaction, key, false))) return;
  // Discord wants an answer within 3 s: show the choice first, then run the turn.
  await acknowledge(interaction, { components: markChoice(rowsOf(interaction.message), interaction.customId) }, ctx.logger);
  const click = { interactionId: interaction.id, userId: interaction.user.id, value: decoded.value, receivedAt: interaction.createdTimestamp };
  await ctx.runner.run(clickToIncoming(click, key), {
    deliver: (replies) => ctx.outbox.post(channelIdOf(place), ctx.outbox.bodies(replies, key)),
    notifyStaff: (summary) => ctx.outbox.notifyStaff(summary),
  });
}
