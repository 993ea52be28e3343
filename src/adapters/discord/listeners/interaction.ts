import { MessageFlags, type Interaction } from 'discord.js';
import { ADAPTER_LINES } from '../../../core/adapter-lines.js';
import { onButton } from './button.js';
import type { DiscordListenerContext } from './context.js';
import { onNoteSubmitted } from './live-staff.js';
import { onSlashCommand } from './slash-command.js';

/** Buttons and slash commands. A failure still answers the person (an interaction must be answered), then goes to the error boundary. */
export async function onInteraction(ctx: DiscordListenerContext, interaction: Interaction): Promise<void> {
  try {
    if (interaction.isButton()) await onButton(ctx, interaction);
    else if (interaction.isChatInputCommand()) await onSlashCommand(ctx, interaction);
    else if (interaction.isModalSubmit()) await onNoteSubmitted(ctx, interaction);
  } catch (error) {
    if (interaction.isRepliable()) {
      const apology = { content: ADAPTER_LINES.somethingWentWrong };
      try {
        if (interaction.deferred && !interaction.replied) await interaction.editReply(apology);
        else if (!interaction.replied && !interaction.deferred) await interaction.reply({ ...apology, flags: MessageFlags.Ephemeral });
      } catch {
        // Nothing more to do: the interaction token may have expired.
      }
    }
    throw error;
  }
}
