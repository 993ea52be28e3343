import { ChannelType, MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { ADAPTER_LINES } from '../../../core/adapter-lines.js';
import type { TurnDelivery } from '../../../core/conversation-runner.js';
import type { HandoffSummary, IncomingMessage } from '../../../core/types.js';
import { HELP_COMMAND, QUESTION_OPTION } from '../commands.js';
import { conversationKeyOf } from '../conversation-key.js';
import type { DiscordMessageBody } from '../render.js';
import { errorCode } from '../login-errors.js';
import { THREAD_PERMISSIONS } from '../message-view.js';
import { isSupportChannel } from '../route-message.js';
import { threadNameFrom } from '../thread-name.js';
import { normaliseDiscordText } from '../to-message.js';
import type { DiscordListenerContext } from './context.js';
import { placeOfInteraction } from './interaction-helpers.js';
import { interactionMayDrive } from './owner-check.js';

/**
 * /alipay-help [question]: in a support channel it opens a thread for the person (answered
 * privately if it cannot); in a DM, a thread, or a channel without thread rights, it answers in place.
 */
export async function onSlashCommand(ctx: DiscordListenerContext, interaction: ChatInputCommandInteraction): Promise<void> {
  if (interaction.commandName !== HELP_COMMAND) {
    await interaction.reply({ content: ADAPTER_LINES.onlyCommand(`/${HELP_COMMAND}`), flags: MessageFlags.Ephemeral });
    return;
  }
  const channelId = interaction.channelId;
  const userId = interaction.user.id;
  const inGuildChannel = interaction.inGuild() && !interaction.channel?.isThread();
  if (inGuildChannel && !isSupportChannel(channelId, ctx.supportChannels)) {
    const where = ctx.supportChannels.map((id) => `<#${id}>`).join(', ');
    await interaction.reply({ content: ADAPTER_LINES.askElsewhere(where), flags: MessageFlags.Ephemeral });
    return;
  }
  const text = normaliseDiscordText(interaction.options.getString(QUESTION_OPTION) ?? '', { botId: ctx.botId() });
  const incoming = (key: string): IncomingMessage => ({
    platform: 'discord',
    conversationKey: key,
    userId,
    text,
    eventId: `discord:interaction:${interaction.id}`,
    receivedAt: interaction.createdTimestamp,
  });
  const staff = { notifyStaff: (summary: HandoffSummary) => ctx.outbox.notifyStaff(summary) };
  /** Answers the command in place, as the interaction's reply and follow-ups. */
  const inPlace = (key: string): TurnDelivery => ({
    deliver: (replies) => answerInteraction(interaction, ctx.outbox.bodies(replies, key)),
    ...staff,
  });

  const canThread =
    inGuildChannel &&
    (interaction.channel?.type === ChannelType.GuildText || interaction.channel?.type === ChannelType.GuildAnnouncement) &&
    (interaction.appPermissions?.has(THREAD_PERMISSIONS) ?? false);
  if (!canThread) {
    // DMs, threads, and channels where no thread can be opened: answer right here, in the owner's conversation.
    const key = conversationKeyOf(placeOfInteraction(interaction));
    if (!(await interactionMayDrive(ctx, interaction, key, true))) return;
    await interaction.deferReply();
    await ctx.runner.run(incoming(key), inPlace(key));
    return;
  }

  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  let threadId: string;
  try {
    threadId = await ctx.outbox.openThread(channelId, threadNameFrom(undefined, `Alipay help · ${interaction.user.displayName}`));
  } catch (error) {
    // No thread after all: answer privately to this person instead of not at all.
    ctx.logger.warn({ interactionId: interaction.id, code: errorCode(error) }, 'discord: could not open a thread for a command; answering privately');
    const key = conversationKeyOf({ kind: 'channel', channelId, userId });
    await ctx.owners.admitMessage(key, userId, interaction.createdTimestamp);
    await ctx.runner.run(incoming(key), inPlace(key));
    return;
  }
  await ctx.outbox.addToThread(threadId, userId);
  const key = conversationKeyOf({ kind: 'thread', threadId });
  // A new thread, opened for this person: they own it.
  await ctx.owners.admitMessage(key, userId, interaction.createdTimestamp);
  await ctx.runner.run(incoming(key), {
    async deliver(replies, result) {
      const asked = ADAPTER_LINES.askedInThread(`<@${userId}>`, result?.redactedText?.slice(0, 1500));
      await ctx.outbox.post(threadId, [{ content: asked, components: [], allowed_mentions: { parse: [], users: [userId] } }]);
      await ctx.outbox.post(threadId, ctx.outbox.bodies(replies, key));
      await interaction.editReply({ content: ADAPTER_LINES.threadOpened(`<#${threadId}>`) });
    },
    ...staff,
  });
}

async function answerInteraction(interaction: ChatInputCommandInteraction, bodies: DiscordMessageBody[]): Promise<void> {
  const [first, ...rest] = bodies;
  const options = (body: DiscordMessageBody) => ({ content: body.content, components: body.components, allowedMentions: body.allowed_mentions });
  await interaction.editReply(first ? options(first) : { content: ADAPTER_LINES.commandEmpty });
  for (const body of rest) await interaction.followUp(options(body));
}
