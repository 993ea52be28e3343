/**
 * The live agent end to end in Slack: the real Bolt app, the real core (model, dialogue, privacy
 * guard) and the live agent, against the fake Slack. A person hands off in a DM; staff claim,
 * answer and hand back from the summary's thread in the handoff channel.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUSALS, STAFF_LINES } from '../../../src/core/live-agent/live-lines.js';
import { createCoreChannelFactory } from '../../../src/transcripts/core-channel.js';
import { formatFailure } from '../../../src/transcripts/format-failure.js';
import { loadTranscript } from '../../../src/transcripts/load-transcript.js';
import { replayTranscript } from '../../../src/transcripts/replayer.js';
import { createSupportbot } from '../../../src/index.js';
import type { PostedMessage } from '../../fakes/fake-slack.js';
import { channelMessage, dmChannelOf, dmMessage, SLACK_IDS } from '../../fakes/slack-payloads.js';
import { isSummary, shown, startLiveSlack, type LiveSlack } from './live-harness.js';

/** Generous: the machine is shared, and a wait only costs time when something is wrong. */
const WAIT = { timeoutMs: 15_000 };
const PERSON_CARD = '4111 1111 1111 1111';
const STAFF_CARD = '5500 0000 0000 0004';
const ANY_CARD_DIGITS = /4111\D?1111\D?1111\D?1111|5500\D?0000\D?0000\D?0004/;

describe('the live agent in Slack (real Bolt against the fake Slack)', () => {
  const dm = dmChannelOf(SLACK_IDS.alice);
  let recordDir: string;
  let it$: LiveSlack;
  let summary: PostedMessage;
  let owner: { id: string; name: string };
  let other: { id: string; name: string };

  beforeAll(async () => {
    recordDir = mkdtempSync(path.join(tmpdir(), 'supportbot-live-slack-'));
    it$ = await startLiveSlack({ recordDir });
  });

  afterAll(async () => {
    await it$?.stop();
    rmSync(recordDir, { recursive: true, force: true });
  });

  const staffThread = (p: PostedMessage) => p.channel === SLACK_IDS.staffChannel && p.threadTs === summary.ts;

  /** The person writes in their DM; resolves with the index of the first post made after it. */
  async function person(text: string): Promise<number> {
    const after = it$.slack.posts.length;
    await it$.slack.sendEvent(dmMessage({ text }));
    return after;
  }

  /** A reply in the summary's thread, from `user`. */
  async function inStaffThread(user: string, text: string): Promise<number> {
    const after = it$.slack.posts.length;
    await it$.slack.sendEvent(channelMessage({ channel: SLACK_IDS.staffChannel, threadTs: summary.ts, user, text }));
    return after;
  }

  it('posts the summary with Claim, Hand back and Close, and opens its thread for staff', async () => {
    let after = await person('my card was declined');
    await it$.slack.waitForPost((p) => p.channel === dm, { ...WAIT, after });
    after = await person('talk to a person');
    summary = await it$.slack.waitForPost((p) => isSummary(p), { ...WAIT, after });
    expect(summary.buttons.map((b) => b.label)).toEqual(['Claim', 'Hand back to the bot', 'Close']);
    expect(shown(summary)).toContain('Waiting for someone from the team to claim it');
    const intro = await it$.slack.waitForPost((p) => staffThread(p) && p.text.includes('Answer in this thread'), WAIT);
    expect(intro.text).toContain('a line that starts with // stays here');
    // The person was told a person is coming, in their DM.
    await it$.slack.waitForPost((p) => p.channel === dm, { ...WAIT, after });
  });

  it('relays what the person writes while waiting into the staff thread, with their name', async () => {
    const after = await person('hello? is anyone there?');
    const relayed = await it$.slack.waitForPost((p) => staffThread(p) && p.text.includes('hello? is anyone there?'), { ...WAIT, after });
    expect(relayed.text).toBe('Alice: hello? is anyone there?');
    await it$.settle();
    // The bot stays quiet in the DM while staff have the conversation.
    expect(it$.slack.posts.slice(after).filter((p) => p.channel === dm)).toEqual([]);
  });

  it('refuses a forged staff action from a normal user: nothing is claimed, closed or relayed', async () => {
    const posted = it$.slack.posts.length;
    const updated = it$.slack.updates.length;
    // Someone outside the staff channel presses Close and Claim on the summary (a forged click)…
    await it$.slack.click(summary, 'Close', { user: SLACK_IDS.outsider });
    const refusal = await it$.slack.waitForEphemeral((n) => n.user === SLACK_IDS.outsider, WAIT);
    expect(refusal.text).toBe(REFUSALS.notStaff(`members of <#${SLACK_IDS.staffChannel}>`));
    await it$.slack.click(summary, 'Claim', { user: SLACK_IDS.outsider });
    // …and writes in the staff thread.
    const noted = it$.slack.ephemerals.length;
    await inStaffThread(SLACK_IDS.outsider, 'I am staff, honest: send me your card number');
    await it$.slack.waitForEphemeral((n) => n.user === SLACK_IDS.outsider, { ...WAIT, after: noted });
    await it$.settle();
    expect(it$.slack.ephemerals.filter((n) => n.user === SLACK_IDS.outsider)).toHaveLength(3);
    expect(it$.slack.posts.slice(posted)).toEqual([]);
    expect(it$.slack.updates.slice(updated)).toEqual([]);
    expect(it$.slack.posts.find((p) => p.channel === dm && p.text.includes('honest'))).toBeUndefined();
    expect(summary.buttons.map((b) => b.label)).toEqual(['Claim', 'Hand back to the bot', 'Close']);
  });

  it('gives the conversation to one of two agents pressing Claim at once, and tells the other who has it', async () => {
    const after = it$.slack.posts.length;
    const [a, b] = [it$.slack.click(summary, 'Claim', { user: SLACK_IDS.staffer }), it$.slack.click(summary, 'Claim', { user: SLACK_IDS.staffer2 })];
    await Promise.all([a, b]);
    const joined = await it$.slack.waitForPost((p) => p.channel === dm && p.text.includes('from the support team has joined'), { ...WAIT, after });
    const name = /\*\*(\w+)\*\*/.exec(joined.text)?.[1] ?? '';
    expect(['Sam', 'Kim']).toContain(name);
    owner = name === 'Sam' ? { id: SLACK_IDS.staffer, name } : { id: SLACK_IDS.staffer2, name };
    other = name === 'Sam' ? { id: SLACK_IDS.staffer2, name: 'Kim' } : { id: SLACK_IDS.staffer, name: 'Sam' };
    const told = await it$.slack.waitForEphemeral((n) => n.user === other.id, WAIT);
    expect(told.text).toBe(REFUSALS.claimedBy(owner.name));
    await it$.slack.waitForPost((p) => staffThread(p) && p.text === STAFF_LINES.claimed(owner.name), { ...WAIT, after });
    await it$.settle();
    // One claim: one "joined" for the person, one notice in the thread, the summary names the owner.
    expect(it$.slack.posts.slice(after).filter((p) => p.channel === dm)).toHaveLength(1);
    expect(it$.slack.posts.slice(after).filter((p) => staffThread(p) && p.text.includes('claimed this conversation'))).toHaveLength(1);
    expect(shown(summary)).toContain(`Claimed by ${owner.name}`);
    expect(summary.buttons.map((b) => b.label)).toEqual(['Hand back to the bot', 'Close']);
    expect(it$.slack.ephemerals.some((n) => n.user === owner.id)).toBe(false);
  });

  it('delivers the owner\'s answer to the person\'s DM with their name, and not the other agent\'s', async () => {
    let after = await inStaffThread(owner.id, 'Hi! Which card did you use?');
    const answer = await it$.slack.waitForPost((p) => p.channel === dm && p.text.includes('Which card did you use?'), { ...WAIT, after });
    expect(answer.text).toBe(`**${owner.name}** (support team): Hi! Which card did you use?`);
    expect(answer.threadTs).toBeUndefined();

    const noted = it$.slack.ephemerals.length;
    after = await inStaffThread(other.id, 'I can take this one too');
    const note = await it$.slack.waitForEphemeral((n) => n.user === other.id, { ...WAIT, after: noted });
    expect(note.text).toBe(REFUSALS.ownedBy(owner.name));
    await it$.settle();
    expect(it$.slack.posts.slice(after).filter((p) => p.channel === dm)).toEqual([]);
  });

  it('hides a card number the person pastes from staff, and warns the person', async () => {
    const after = await person(`a visa, number ${PERSON_CARD}, it said declined by the bank`);
    const relayed = await it$.slack.waitForPost((p) => staffThread(p) && p.text.includes('declined by the bank'), { ...WAIT, after });
    expect(relayed.text).toBe('Alice: a visa, number [card number], it said declined by the bank');
    expect(shown(relayed)).toContain(STAFF_LINES.hiddenFromStaff(['card_number']));
    const warning = await it$.slack.waitForPost((p) => p.channel === dm, { ...WAIT, after });
    expect(warning.text).toContain('never share card numbers');
  });

  it('hides a card number staff paste from the person, and tells that agent privately', async () => {
    const after = await inStaffThread(owner.id, `Thanks. Please call your bank. (My note was ${STAFF_CARD}.)`);
    const answer = await it$.slack.waitForPost((p) => p.channel === dm && p.text.includes('Please call your bank'), { ...WAIT, after });
    expect(answer.text).not.toMatch(/5500|0004/);
    const note = await it$.slack.waitForEphemeral((n) => n.user === owner.id && n.text.startsWith('I hid'), WAIT);
    expect(note.text).toBe(STAFF_LINES.hiddenFromPerson(['card_number']));
    // Nothing the bot sent to Slack, nor anything it recorded, holds either card.
    expect(it$.slack.everythingSent()).not.toMatch(ANY_CARD_DIGITS);
  });

  it('keeps a // line in the staff thread as a note', async () => {
    const after = await inStaffThread(owner.id, '// internal: an issuer block, nothing for us to do');
    await it$.settle();
    expect(it$.slack.posts.slice(after)).toEqual([]);
  });

  it('hands back with a note: the staff thread gets the exchange, the bot resumes with the person', async () => {
    const after = it$.slack.posts.length;
    await it$.slack.click(summary, 'Hand back to the bot', { user: owner.id });
    const form = await it$.slack.waitForView(() => true, WAIT);
    await it$.slack.submitView(form, { note: { note: 'Bank block explained; they may retry the payment.' } }, { user: owner.id });
    const back = await it$.slack.waitForPost((p) => p.channel === dm && p.text.includes('where we left off'), { ...WAIT, after });
    expect(back.buttons.map((b) => b.label)).toContain('Resume your declined payment');
    const handedBack = await it$.slack.waitForPost((p) => staffThread(p) && p.text.startsWith('Handed back'), { ...WAIT, after });
    expect(handedBack.text).toContain(`Handed back to the bot by ${owner.name}.`);
    expect(handedBack.text).toContain('Note: Bank block explained; they may retry the payment.');
    expect(handedBack.text).toContain('Person: a visa, number [card number], it said declined by the bank');
    expect(handedBack.text).toContain(`${owner.name}: Hi! Which card did you use?`);
    expect(handedBack.text).not.toContain('internal');
    expect(shown(summary)).toContain(`Handed back to the bot by ${owner.name}`);
    expect(summary.buttons).toEqual([]);

    // The bot has the person again: it answers, and staff see nothing more.
    const resumed = await person('yes');
    const reply = await it$.slack.waitForPost((p) => p.channel === dm, { ...WAIT, after: resumed });
    expect(reply.text).not.toContain('support team');
    await it$.settle();
    expect(it$.slack.posts.slice(resumed).filter((p) => staffThread(p))).toEqual([]);
    // A late staff message is refused, not relayed.
    await inStaffThread(owner.id, 'one more thing');
    const late = await it$.slack.waitForEphemeral((n) => n.user === owner.id && n.text.includes('no longer with the support team'), WAIT);
    expect(late.text).toBe(REFUSALS.ended('handed_back'));
    expect(it$.slack.everythingSent()).not.toMatch(ANY_CARD_DIGITS);
  });

  it('recorded the session as a transcript with staff turns, which replays through the core', async () => {
    const files = readdirSync(recordDir).filter((f) => f.endsWith('.yaml'));
    expect(files).toHaveLength(1);
    const file = path.join(recordDir, files[0] ?? '');
    const { transcript } = await loadTranscript(file);
    const kinds = (transcript.turns ?? []).map((t) => Object.keys(t).find((k) => k !== 'expect' && k !== 'as'));
    expect(kinds).toEqual(['user', 'user', 'user', 'claim', 'staff', 'user', 'staff', 'handBack', 'user']);
    expect(JSON.stringify(transcript)).not.toMatch(ANY_CARD_DIGITS);
    const bot = await createSupportbot({ store: { kind: 'memory' } });
    try {
      const result = await replayTranscript(transcript, createCoreChannelFactory(bot.parts), file);
      if (!result.passed) expect.fail(`\n${formatFailure(result)}`);
    } finally {
      await bot.close();
    }
  });
});
