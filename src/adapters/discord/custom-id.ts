import { createHash } from 'node:crypto';
import { createLruCache } from '../../core/lru-cache.js';

/** Discord's limit on a component's custom_id. */
export const CUSTOM_ID_MAX = 100;

/**
 * What a button's custom_id carries:
 * - `sb:<index>:<value>`: a core button value (the index keeps ids unique within one message);
 * - `sbh:<index>:<hash>`: a value too long for a custom_id, kept in memory by its hash;
 * - `sbhb:<userId>:<conversationKey>`: staff's "Hand back to the bot" on a handoff summary.
 */
export type DecodedCustomId =
  | { kind: 'action'; value: string }
  | { kind: 'hand_back'; userId: string; conversationKey: string }
  | { kind: 'expired' }
  | { kind: 'foreign' };

export interface ButtonCodec {
  encode(value: string, index: number): string;
  decode(customId: string): DecodedCustomId;
}

export interface ButtonCodecOptions {
  /** How many long values to remember (oldest forgotten first). */
  maxRemembered?: number;
}

/** Encodes button values into custom_ids of at most 100 characters, and back. */
export function createButtonCodec(options: ButtonCodecOptions = {}): ButtonCodec {
  const long = createLruCache<string>({ maxEntries: options.maxRemembered ?? 10_000 });
  return {
    encode(value, index) {
      const direct = `sb:${index}:${value}`;
      if (direct.length <= CUSTOM_ID_MAX) return direct;
      const hash = createHash('sha256').update(value).digest('base64url').slice(0, 32);
      long.set(hash, value);
      return `sbh:${index}:${hash}`;
    },
    decode(customId) {
      const action = /^sb:\d{1,2}:(.+)$/s.exec(customId);
      if (action?.[1]) return { kind: 'action', value: action[1] };
      const hashed = /^sbh:\d{1,2}:([\w-]+)$/.exec(customId);
      if (hashed?.[1]) {
        const value = long.get(hashed[1]);
        // Remembered only in this process: after a restart such a button can no longer be resolved.
        return value === undefined ? { kind: 'expired' } : { kind: 'action', value };
      }
      const handBack = /^sbhb:(\d{1,20}):(discord:.+)$/.exec(customId);
      if (handBack?.[1] && handBack[2]) return { kind: 'hand_back', userId: handBack[1], conversationKey: handBack[2] };
      return { kind: 'foreign' };
    },
  };
}

export function encodeHandBack(conversationKey: string, userId: string): string {
  const id = `sbhb:${userId}:${conversationKey}`;
  // Conversation keys are short (`discord:thread:<snowflake>`); a longer one would be a bug.
  if (id.length > CUSTOM_ID_MAX) throw new Error(`hand-back custom_id too long for ${conversationKey}`);
  return id;
}
