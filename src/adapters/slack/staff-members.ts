import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import { errorText } from './errors.js';

/** Who counts as staff in Slack: the members of SLACK_HANDOFF_CHANNEL. */
export interface StaffMembers {
  /** The handoff channel, or undefined when none is set (then nobody is staff). */
  readonly channel: string | undefined;
  isStaff(userId: string): Promise<boolean>;
}

/** Members are read with conversations.members (channels:read / groups:read) and kept this long. */
const FRESH_MS = 60_000;
/** An unknown clicker triggers a fresh read at most this often (someone just joined the team). */
const RECHECK_MS = 5_000;

export function createStaffMembers(client: webApi.WebClient, channel: string | undefined, logger: Logger, now: () => number = Date.now): StaffMembers {
  let members: Set<string> | undefined;
  let readAt = -Infinity;

  async function read(): Promise<void> {
    const found = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await client.conversations.members({ channel: channel ?? '', limit: 1000, ...(cursor ? { cursor } : {}) });
      for (const id of page.members ?? []) found.add(id);
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    members = found;
    readAt = now();
  }

  return {
    channel,
    async isStaff(userId) {
      if (!channel) return false;
      try {
        const age = now() - readAt;
        if (!members || age >= FRESH_MS || (!members.has(userId) && age >= RECHECK_MS)) await read();
        return members?.has(userId) ?? false;
      } catch (error) {
        // Fail closed: without the member list nobody is treated as staff.
        logger.warn({ channel, err: errorText(error) }, 'could not read the members of SLACK_HANDOFF_CHANNEL (needs channels:read or groups:read)');
        return false;
      }
    },
  };
}
