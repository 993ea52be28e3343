import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord.js';

export const HELP_COMMAND = 'alipay-help';
export const QUESTION_OPTION = 'question';

/** The slash commands the bot answers; `supportbot discord register-commands` registers exactly these. */
export function applicationCommands(): RESTPutAPIApplicationCommandsJSONBody {
  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: HELP_COMMAND,
      description: 'Get help paying on Alibaba with Alipay (cards, declines, verification).',
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: QUESTION_OPTION,
          description: 'What do you need help with? Never include card numbers or codes.',
          required: false,
          max_length: 500,
        },
      ],
      integration_types: [ApplicationIntegrationType.GuildInstall],
      contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    },
  ];
}
