/**
 * Where a Discord conversation lives. The key names the channel to answer in, so a reply can be
 * sent from anywhere (a click on a handoff summary, a hand-back) without other state.
 */
export type DiscordPlace =
  | { kind: 'dm'; channelId: string }
  | { kind: 'thread'; threadId: string }
  /** Fallback where no thread can be opened: one conversation per person in the channel. */
  | { kind: 'channel'; channelId: string; userId: string };

export function conversationKeyOf(place: DiscordPlace): string {
  switch (place.kind) {
    case 'dm':
      return `discord:dm:${place.channelId}`;
    case 'thread':
      return `discord:thread:${place.threadId}`;
    case 'channel':
      return `discord:channel:${place.channelId}:${place.userId}`;
  }
}

export function placeOf(conversationKey: string): DiscordPlace | undefined {
  const m = /^discord:(dm|thread|channel):(\d{1,20})(?::(\d{1,20}))?$/.exec(conversationKey);
  if (!m?.[2]) return undefined;
  if (m[1] === 'dm' && !m[3]) return { kind: 'dm', channelId: m[2] };
  if (m[1] === 'thread' && !m[3]) return { kind: 'thread', threadId: m[2] };
  if (m[1] === 'channel' && m[3]) return { kind: 'channel', channelId: m[2], userId: m[3] };
  return undefined;
}

/** The channel (or thread) id to send a conversation's replies to. */
export function channelIdOf(place: DiscordPlace): string {
  return place.kind === 'thread' ? place.threadId : place.channelId;
}
