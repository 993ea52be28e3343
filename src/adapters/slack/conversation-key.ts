/**
 * Conversation keys for Slack. A direct message is one conversation per DM channel; in a channel
 * every thread is its own conversation:
 *   slack:<team>:<channel>             direct messages
 *   slack:<team>:<channel>:<thread_ts> a thread in a channel
 */
export interface SlackPlace {
  team: string;
  channel: string;
  /** Set for a thread in a channel; unset for a direct message. */
  threadTs?: string;
}

/** Slack's direct-message channel ids start with D. */
export function isDirectChannel(channel: string): boolean {
  return channel.startsWith('D');
}

export function conversationKeyOf(place: SlackPlace): string {
  return place.threadTs === undefined ? `slack:${place.team}:${place.channel}` : `slack:${place.team}:${place.channel}:${place.threadTs}`;
}

const KEY = /^slack:([A-Z0-9]+):([A-Z0-9]+)(?::(\d+\.\d+))?$/;

/** The place a key names, or undefined when it is not a Slack conversation key. */
export function parseConversationKey(key: string): SlackPlace | undefined {
  const match = KEY.exec(key);
  if (!match) return undefined;
  const [, team, channel, threadTs] = match;
  if (team === undefined || channel === undefined) return undefined;
  return threadTs === undefined ? { team, channel } : { team, channel, threadTs };
}
