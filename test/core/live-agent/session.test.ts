import { describe, expect, it } from 'vitest';
import { claim, dueEntries, end, isDue, markEntry, MAX_ENTRIES, newSession, parseSession, personSaid, staffSaid, type Session } from '../../../src/core/live-agent/session.js';
import type { HandoffSummary } from '../../../src/core/types.js';

const summary: HandoffSummary = { reason: 'asked for a person', problem: 'declined', flow: 'payment_declined', stepsTried: [], userId: 'alice', conversationKey: 'slack:T1:D1', platform: 'slack' };
const sam = { id: 'sam', name: 'Sam' };
const kim = { id: 'kim', name: 'Kim' };
const at = (ms: number) => ({ ms, tie: '' });

describe('a live session (pure transitions)', () => {
  it('starts waiting with a claim deadline, or none', () => {
    expect(newSession('s1', summary, 1000, 60_000)).toMatchObject({ status: 'waiting', deadline: 61_000, owner: null, thread: null });
    expect(newSession('s1', summary, 1000, null).deadline).toBeNull();
  });

  it('has one owner: a second claim names them, the owner\'s own is a no-op, and the person is told once', () => {
    const first = claim(newSession('s1', summary, 0, 60_000), sam, 5, at(5));
    expect(first.outcome).toEqual({ kind: 'claimed' });
    expect(first.session).toMatchObject({ status: 'claimed', owner: sam, deadline: null });
    expect(first.session.entries).toMatchObject([{ to: 'person', kind: 'joined', name: 'Sam' }]);
    expect(claim(first.session, kim, 6, at(6)).outcome).toEqual({ kind: 'owned', owner: sam });
    expect(claim(first.session, sam, 6, at(6))).toEqual({ session: first.session, outcome: { kind: 'already_yours' } });
    expect(claim(end(first.session, 'closed', sam, null, 7), kim, 8, at(8)).outcome).toEqual({ kind: 'ended' });
  });

  it('is due only while waiting past its deadline', () => {
    const s = newSession('s1', summary, 0, 100);
    expect(isDue(s, 99)).toBe(false);
    expect(isDue(s, 100)).toBe(true);
    expect(isDue(claim(s, sam, 50, at(50)).session, 200)).toBe(false);
    expect(isDue(end(s, 'handed_back', sam, 'note', 50), 200)).toBe(false);
  });

  it('relays each direction in the order written, waits for entries to settle and for the staff thread', () => {
    let s: Session = claim(newSession('s1', summary, 0, null), sam, 0, at(0)).session;
    s = markEntry(s, 0, 'delivered');
    s = staffSaid(s, sam, { text: 'b', hidden: [], order: at(20), at: 10 });
    s = staffSaid(s, sam, { text: 'a', hidden: [], order: at(10), at: 30 });
    s = personSaid(s, 'alice', { text: 'hello', hidden: [], order: at(5), at: 5 });
    // At 35 with 10 ms to settle: "a" (written first) has not settled, so "b" waits behind it; the thread is not open yet.
    expect(dueEntries(s, 35, 10)).toEqual({ entries: [], wakeAt: 40 });
    expect(dueEntries(s, 40, 10).entries.map((e) => e.text)).toEqual(['a', 'b']);
    s = { ...s, thread: 'T1' };
    expect(dueEntries(s, 40, 10).entries.map((e) => e.text)).toEqual(['a', 'b', 'hello']);
    expect(dueEntries(s, 0, 10, true).entries.map((e) => e.text)).toEqual(['a', 'b', 'hello']);
  });

  it('keeps every pending entry and drops the oldest relayed ones past the limit', () => {
    let s: Session = { ...newSession('s1', summary, 0, null), thread: 'T1' };
    for (let i = 0; i < MAX_ENTRIES + 20; i += 1) {
      s = personSaid(s, 'alice', { text: `m${i}`, hidden: [], order: at(i), at: i });
      if (i < 10) s = markEntry(s, i, 'delivered');
    }
    expect(s.entries.filter((e) => e.state === 'pending')).toHaveLength(MAX_ENTRIES + 10);
    expect(s.entries.some((e) => e.state === 'delivered')).toBe(false);
  });

  it('reads back what it wrote, and refuses what is not a session', () => {
    const s = claim(newSession('s1', summary, 0, 60_000), sam, 1, at(1)).session;
    expect(parseSession(JSON.parse(JSON.stringify(s)))).toEqual(s);
    expect(parseSession({ version: 1, status: 'lost' })).toBeUndefined();
  });
});
