import { isDeepStrictEqual } from 'node:util';
import type { ConversationStore, DialoguePolicy } from './ports.js';
import type { Reply } from './types.js';

/** What a second handoff request gets while the person's first one is still with staff. */
export const ALREADY_WITH_STAFF_TEXT =
  "Your request is already with the support team: a person will answer you in the conversation where you asked. There's no need to ask again.";
export const ALREADY_WITH_STAFF_REPLY: Reply = { text: ALREADY_WITH_STAFF_TEXT, buttons: [], citations: [] };

export interface OpenHandoffs {
  /**
   * Called when a turn hands `conversationKey` over to staff. Records it as the person's open
   * handoff and returns true, or returns false when another conversation of theirs is still with
   * staff (no second summary then).
   */
  open(person: string, conversationKey: string, position: unknown, at: number): Promise<boolean>;
}

/**
 * One open handoff per person (across conversations: in a Slack channel every new message is its
 * own thread). The person's last handoff is kept in the store as a small record under its own key,
 * written under that key's lock so two requests at once cannot both pass. A handoff counts as open
 * while that conversation is still where the handoff left it (staff have not handed it back, the
 * person has not moved on) and for at most `ttlMs`.
 */
export function createOpenHandoffs(store: ConversationStore, dialogue: DialoguePolicy, ttlMs = 24 * 60 * 60 * 1000): OpenHandoffs {
  const keyOf = (person: string) => `open-handoff:${person}`;
  return {
    open(person, conversationKey, position, at) {
      const key = keyOf(person);
      return store.withLock(key, async () => {
        const record = await store.get(key);
        const last = record?.state as { conversationKey?: unknown; at?: unknown; position?: unknown } | undefined;
        if (last && typeof last.conversationKey === 'string' && last.conversationKey !== conversationKey && typeof last.at === 'number' && at - last.at < ttlMs) {
          if (await stillWithStaff(last.conversationKey, last.position)) return false;
        }
        const version = record?.version ?? 0;
        await store.put({ key, version: version + 1, state: { conversationKey, at, position }, updatedAt: at }, version);
        return true;
      });
    },
  };

  async function stillWithStaff(conversationKey: string, position: unknown): Promise<boolean> {
    const record = await store.get(conversationKey);
    if (!record) return false;
    try {
      return isDeepStrictEqual(dialogue.position(dialogue.parseState(record.state)), position);
    } catch {
      return false;
    }
  }
}
