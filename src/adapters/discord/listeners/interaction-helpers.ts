import { ComponentType, type APIActionRowComponent, type APIComponentInMessageActionRow, type ButtonInteraction, type Interaction, type Message } from 'discord.js';
import type { Logger } from '../../../core/logger.js';
import type { DiscordPlace } from '../conversation-key.js';
import { errorCode } from '../login-errors.js';

export type AnyRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** Where an interaction happened, as a conversation place. */
export function placeOfInteraction(interaction: Interaction): DiscordPlace {
  const channelId = interaction.channelId ?? '';
  if (!interaction.inGuild()) return { kind: 'dm', channelId };
  if (interaction.channel?.isThread()) return { kind: 'thread', threadId: channelId };
  return { kind: 'channel', channelId, userId: interaction.user.id };
}

/** The action rows of a message, as raw JSON to edit. */
export function rowsOf(message: Message): AnyRow[] {
  return message.components.map((c) => c.toJSON() as { type: number }).filter((c): c is AnyRow => c.type === ComponentType.ActionRow);
}

/** Updates the clicked message (Discord wants an answer within 3 s); false when it was already answered. */
export async function acknowledge(interaction: ButtonInteraction, update: Parameters<ButtonInteraction['update']>[0], logger: Logger): Promise<boolean> {
  try {
    await interaction.update(update);
    return true;
  } catch (error) {
    // A replayed interaction was already answered; the core's dedupe makes sure nothing repeats.
    logger.info({ interactionId: interaction.id, code: errorCode(error) }, 'discord: could not update the clicked message');
    return false;
  }
}
