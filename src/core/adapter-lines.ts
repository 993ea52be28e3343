/**
 * What adapters say to people outside a turn (a stale button, a command used in the wrong place,
 * a thread opened). Written here, with the core's other wording, so every platform says the same
 * thing; adapters only pass in the platform's own mention or link syntax.
 */
export const ADAPTER_LINES = {
  buttonExpired: 'This button has expired. Please type your question instead.',
  unknownConversation: 'I do not know that conversation any more.',
  /** `team`: the support role or channel, as the platform mentions it. */
  staffOnly: (team: string) => `Only the support team (${team}) can hand a conversation back.`,
  /** A hand-back button whose conversation could not be verified (forged, or signed before a token change). */
  handBackInvalid: 'This hand-back button is not valid, so nothing was changed.',
  somethingWentWrong: 'Sorry, something went wrong on my side. Please try again in a moment.',
  onlyCommand: (command: string) => `I only know ${command}.`,
  /** `where`: the support channels, as the platform links them. */
  askElsewhere: (where: string) => `I answer in ${where}. Ask me there, or send me a direct message.`,
  threadOpened: (thread: string) => `I opened a thread for you: ${thread}`,
  /** The first line of a thread opened for a command: who asked what (the text already redacted). */
  askedInThread: (person: string, question: string | undefined) => (question ? `${person} asked: “${question}”` : `${person} asked for help.`),
  commandEmpty: 'Ask me anything about paying on Alibaba with Alipay.',
  movedToDm: (person: string) => `I've sent you a direct message: let's continue there, ${person}.`,
  dmFailed: "Sorry, I couldn't open a direct message with you. Please message me directly.",
  commandNotSetUp: (command: string) => `Sorry, this command is not set up. Try ${command}, or send me a direct message.`,
  /** Shown in place of the buttons once one is clicked. */
  choiceMade: (label: string, who: string | undefined) => (who ? `${who} chose: ${label}` : `You chose: ${label}`),
  handedBack: (staff: string) => `Handed back to the bot by ${staff}`,
  /**
   * Told privately to someone who clicks or types in another person's conversation (nothing changed).
   * `owner`: the owner as the platform mentions them, when known.
   */
  notYourConversation: (owner: string | undefined) =>
    `${owner ? `This is ${owner}'s conversation with me` : 'These buttons belong to someone else’s conversation'}, so only they can continue it. ` +
    'To ask me something yourself, mention me in a new message or send me a direct message.',
  /** The help text a command with no question sends to the core. */
  helpCommandText: 'help',
} as const;
