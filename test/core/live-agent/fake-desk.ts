/**
 * A staff desk in memory for the live agent's own tests: it records what the summary showed, what
 * the staff thread and the person received, and lets a test decide who is staff and what fails.
 */
import type { StaffDesk, StaffPost } from '../../../src/core/live-agent/desk.js';
import type { SessionView } from '../../../src/core/live-agent/session.js';
import type { Reply } from '../../../src/core/types.js';

export interface FakeDesk extends StaffDesk {
  readonly summaries: SessionView[];
  readonly statuses: SessionView[];
  readonly thread: StaffPost[];
  /** What the person received, per conversation. */
  readonly inbox: Map<string, Reply[]>;
  staff: Set<string>;
  names: Map<string, string>;
  /** Posting to the person fails this many more times. */
  failPerson: number;
  /** openStaffThread answers undefined (no channel configured). */
  noChannel: boolean;
  received(conversationKey: string): string[];
}

export function createFakeDesk(platform: 'slack' | 'discord' | 'replay' = 'slack'): FakeDesk {
  let threads = 0;
  const desk: FakeDesk = {
    platform,
    summaries: [],
    statuses: [],
    thread: [],
    inbox: new Map(),
    staff: new Set(['sam', 'kim']),
    names: new Map([
      ['sam', 'Sam'],
      ['kim', 'Kim'],
    ]),
    failPerson: 0,
    noChannel: false,
    received: (key) => (desk.inbox.get(key) ?? []).map((r) => r.text),
    async openStaffThread(_summary, view) {
      if (desk.noChannel) return undefined;
      desk.summaries.push(view);
      threads += 1;
      return `T${threads}`;
    },
    async showStatus(_thread, _summary, view) {
      desk.statuses.push(view);
    },
    async postToStaffThread(_thread, post) {
      desk.thread.push(post);
    },
    isStaff: async (_thread, userId) => desk.staff.has(userId),
    displayName: async (_thread, userId) => desk.names.get(userId) ?? userId,
    teamName: () => '#support-staff',
    personDelivery: (conversationKey) => ({
      async deliver(replies) {
        if (desk.failPerson > 0) {
          desk.failPerson -= 1;
          throw new Error('platform said no');
        }
        desk.inbox.set(conversationKey, [...(desk.inbox.get(conversationKey) ?? []), ...replies]);
      },
    }),
  };
  return desk;
}
