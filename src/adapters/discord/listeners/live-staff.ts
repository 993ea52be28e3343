/**
 * Staff's side of a live conversation in Discord: what they write in a summary's thread, the
 * summary's Claim / Hand back / Close buttons and the hand-back note modal. Each goes to the
 * core's live agent, which checks who may do what; its answer (a refusal, a "hidden" note) goes
 * only to the staff member for a click, and as a small reply in the thread for a message (Discord
 * has no private reply to a message).
 */
import { MessageFlags, type ButtonInteraction, type Message, type ModalSubmitInteraction } from 'discord.js';
import { REFUSALS } from '../../../core/live-agent/live-lines.js';
import { orderOfSnowflake, type StaffVerb } from '../../../core/live-agent/staff-input.js';
import { NO_PINGS } from '../deliver.js';
import { errorCode } from '../login-errors.js';
import { NOTE_INPUT_ID, NOTE_MODAL_PREFIX, noteModal } from '../render-live.js';
import { discordThread, parseDiscordThread } from '../staff-desk.js';
import { normaliseDiscordText, type DiscordMessageView } from '../to-message.js';
import type { DiscordListenerContext } from './context.js';

/** A staff member wrote in a summary's thread: for the person, if the live agent agrees. */
export async function relayFromStaff(ctx: DiscordListenerContext, message: Message, view: DiscordMessageView, staffChannel: string): Promise<void> {
  if (!ctx.live) return;
  const outcome = await ctx.live.fromStaff({
    platform: 'discord',
    thread: discordThread(staffChannel, view.channelId),
    userId: view.authorId,
    text: normaliseDiscordText(view.content, { botId: ctx.botId(), ...view.names }),
    messageId: view.id,
    order: orderOfSnowflake(view.id),
  });
  if (!outcome.text) return;
  await message.reply({ content: `-# ${outcome.text}`, allowedMentions: { parse: [], repliedUser: false } }).catch((error: unknown) => {
    ctx.logger.warn({ code: errorCode(error) }, 'discord: could not answer a staff message');
  });
}

/** Claim, Hand back (asks for a note first) or Close, pressed on a summary in the handoff channel. */
export async function onLiveControl(ctx: DiscordListenerContext, interaction: ButtonInteraction, verb: StaffVerb): Promise<void> {
  if (!ctx.live) return;
  // The conversation is found from the clicked summary (its thread has the summary's id), never from the button.
  const base = { platform: 'discord' as const, thread: discordThread(interaction.channelId, interaction.message.id), userId: interaction.user.id, verb };
  if (verb === 'hand_back') {
    const allowed = await ctx.live.check(base);
    if (!allowed.ok) {
      await interaction.reply({ content: allowed.text ?? '', flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return;
    }
    await interaction.showModal(noteModal(interaction.channelId, interaction.message.id));
    return;
  }
  await interaction.deferUpdate();
  const outcome = await ctx.live.act({ ...base, eventId: `discord:interaction:${interaction.id}` });
  if (outcome.text) await interaction.followUp({ content: outcome.text, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
}

/** The hand-back note modal was submitted. */
export async function onNoteSubmitted(ctx: DiscordListenerContext, interaction: ModalSubmitInteraction): Promise<void> {
  const thread = interaction.customId.startsWith(NOTE_MODAL_PREFIX) ? parseDiscordThread(interaction.customId.slice(NOTE_MODAL_PREFIX.length)) : undefined;
  if (!ctx.live || !thread) {
    await interaction.reply({ content: REFUSALS.formExpired, flags: MessageFlags.Ephemeral });
    return;
  }
  if (interaction.isFromMessage()) await interaction.deferUpdate();
  else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const note = interaction.fields.getTextInputValue(NOTE_INPUT_ID);
  const outcome = await ctx.live.act({
    platform: 'discord',
    thread: discordThread(thread.channelId, thread.threadId),
    userId: interaction.user.id,
    verb: 'hand_back',
    note,
    eventId: `discord:interaction:${interaction.id}`,
  });
  if (outcome.text) await interaction.followUp({ content: outcome.text, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
  else if (!interaction.isFromMessage()) await interaction.deleteReply().catch(() => undefined);
}
