/**
 * The staff side of a replay: a StaffDesk in memory. It keeps what the person received (the bot's
 * replies and what staff wrote) and what the staff thread received, so a transcript can check
 * both; everyone who acts is staff, and a staff member's id is their name.
 */
import type { StaffDesk, StaffThread } from '../core/live-agent/desk.js';
import { statusLine } from '../core/live-agent/live-lines.js';
import type { Reply } from '../core/types.js';

export interface ReplayDesk extends StaffDesk {
  /** Everything the person received, in order. */
  readonly inbox: Reply[];
  /** Everything the staff thread received (the summary's status lines included), in order. */
  readonly staffThread: string[];
  /** The staff thread of the latest handoff, once there is one. */
  latestThread(): StaffThread | undefined;
}

export function createReplayDesk(): ReplayDesk {
  const inbox: Reply[] = [];
  const staffThread: string[] = [];
  const threads: StaffThread[] = [];
  return {
    platform: 'replay',
    inbox,
    staffThread,
    latestThread: () => threads.at(-1),
    async openStaffThread(summary, view) {
      const thread = `replay-thread-${threads.length + 1}`;
      threads.push(thread);
      staffThread.push(`Summary: ${summary.reason}. ${summary.problem} ${statusLine(view)}`);
      return thread;
    },
    async showStatus(_thread, _summary, view) {
      staffThread.push(statusLine(view));
    },
    async postToStaffThread(_thread, post) {
      staffThread.push(post.kind === 'person' ? `Person: ${post.text}${post.note ? ` ${post.note}` : ''}` : post.text);
    },
    isStaff: async () => true,
    displayName: async (_thread, userId) => userId,
    teamName: () => 'the support team',
    personDelivery: () => ({
      async deliver(replies) {
        inbox.push(...replies);
      },
    }),
  };
}
