import { createHash, randomBytes } from 'node:crypto';
import { isStaffAction } from '../../core/actions.js';
import { createLruCache } from '../../core/lru-cache.js';
import { createValueSigner } from '../../core/signed-values.js';
import { placeOf } from './conversation-key.js';

/** Discord's limit on a component's custom_id. */
export const CUSTOM_ID_MAX = 100;

/**
 * What a button's custom_id carries:
 * - `sb:<index>:<value>`: a core button value (the index keeps ids unique within one message);
 * - `sbh:<index>:<hash>`: a value too long for a custom_id, kept in memory by its hash;
 * - `sbhb:<conversationKey>~<mac>`: staff's "Hand back to the bot" on a handoff summary, the
 *   conversation key signed (HMAC) so a forged id cannot name another conversation.
 * A custom id comes back from the client, so nothing in it is trusted: a choice carrying a staff
 * action is refused, and a hand-back must verify.
 */
export type DecodedCustomId =
  | { kind: 'action'; value: string }
  | { kind: 'hand_back'; conversationKey: string }
  /** A hand-back whose signature does not verify (forged, or signed with an earlier token). */
  | { kind: 'hand_back_invalid' }
  | { kind: 'expired' }
  | { kind: 'foreign' };

export interface ButtonCodec {
  encode(value: string, index: number): string;
  encodeHandBack(conversationKey: string): string;
  decode(customId: string): DecodedCustomId;
}

export interface ButtonCodecOptions {
  /** How many long values to remember (oldest forgotten first). */
  maxRemembered?: number;
  /** Signs hand-back ids; the adapter passes the bot token. Default: a random one for this process. */
  secret?: string;
}

/** Encodes button values into custom_ids of at most 100 characters, and back. */
export function createButtonCodec(options: ButtonCodecOptions = {}): ButtonCodec {
  const long = createLruCache<string>({ maxEntries: options.maxRemembered ?? 10_000 });
  const signer = createValueSigner(options.secret ?? randomBytes(32).toString('hex'), 'discord hand-back');
  return {
    encode(value, index) {
      const direct = `sb:${index}:${value}`;
      if (direct.length <= CUSTOM_ID_MAX) return direct;
      const hash = createHash('sha256').update(value).digest('base64url').slice(0, 32);
      long.set(hash, value);
      return `sbh:${index}:${hash}`;
    },
    encodeHandBack(conversationKey) {
      const id = `sbhb:${signer.sign(conversationKey)}`;
      // Conversation keys are short (at most `discord:channel:<id>:<id>`); a longer one would be a bug.
      if (id.length > CUSTOM_ID_MAX) throw new Error(`hand-back custom_id too long for ${conversationKey}`);
      return id;
    },
    decode(customId) {
      const action = /^sb:\d{1,2}:(.+)$/s.exec(customId);
      if (action?.[1]) return choice(action[1]);
      const hashed = /^sbh:\d{1,2}:([\w-]+)$/.exec(customId);
      if (hashed?.[1]) {
        const value = long.get(hashed[1]);
        // Remembered only in this process: after a restart such a button can no longer be resolved.
        return value === undefined ? { kind: 'expired' } : choice(value);
      }
      if (customId.startsWith('sbhb:')) {
        const conversationKey = signer.verify(customId.slice('sbhb:'.length));
        return conversationKey !== undefined && placeOf(conversationKey) ? { kind: 'hand_back', conversationKey } : { kind: 'hand_back_invalid' };
      }
      return { kind: 'foreign' };
    },
  };
}

/** A choice never carries a staff action: those come only from the staff-checked hand-back button. */
function choice(value: string): DecodedCustomId {
  return isStaffAction(value) ? { kind: 'foreign' } : { kind: 'action', value };
}
