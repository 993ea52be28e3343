/**
 * The live agent end to end in Discord: the real discord.js client, the real core and the live
 * agent, against the fake Discord. A person hands off in a thread of #support; staff (the support
 * role) claim, answer and hand back from the thread on the summary in #support-staff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUSALS, STAFF_LINES } from '../../../src/core/live-agent/live-lines.js';
import type { BotMessage, FakeUser } from '../../fakes/fake-discord.js';
import { isLiveSummary, startLiveDiscord, type LiveDiscord } from './live-harness.js';

/** Generous: the machine is shared, and a wait only costs time when something is wrong. */
const WAIT_MS = 15_000;
const PERSON_CARD = '4111 1111 1111 1111';
const STAFF_CARD = '5500 0000 0000 0004';
const ANY_CARD_DIGITS = /4111\D?1111\D?1111\D?1111|5500\D?0000\D?0000\D?0004/;

describe('the live agent in Discord (real discord.js against the fake Discord)', () => {
  let world: LiveDiscord;
  /** The person's conversation: the thread the bot opened on their first message. */
  let personThread: string;
  let summary: BotMessage;
  let owner: FakeUser;
  let other: FakeUser;

  beforeAll(async () => {
    world = await startLiveDiscord();
  });

  afterAll(async () => {
    // The discord.js client first, then the fake (the harness does both, in that order).
    await world?.stop();
  });

  const d = () => world.discord;
  const ownerName = () => owner.global_name ?? owner.username;
  const staffThread = () => summary.id;
  const botPosted = () => d().messages.length;
  const postedSince = (n: number) => d().messages.slice(n);
  const waitIn = (channelId: string, predicate: (m: BotMessage) => boolean = () => true) => d().waitForMessage((m) => m.channelId === channelId && predicate(m), WAIT_MS);

  function person(content: string): void {
    d().sendMessage({ content, channelId: personThread, author: d().users.alice });
  }

  function inStaffThread(author: FakeUser, content: string): void {
    d().sendMessage({ content, channelId: staffThread(), author });
  }

  /** What the bot told `user` privately after a click (an ephemeral follow-up or reply). */
  function privateNote(text: string): Promise<BotMessage> {
    return d().waitForMessage((m) => (m.flags & 64) === 64 && m.content.includes(text), WAIT_MS);
  }

  it('posts the summary with Claim, Hand back and Close, and opens a staff thread on it', async () => {
    const first = d().sendMessage({ content: 'my card was declined', mentionBot: true });
    personThread = String(first.id);
    await waitIn(personThread);
    person('talk to a person');
    summary = await d().waitForMessage((m) => isLiveSummary(d(), m) && m.content.includes(`<#${personThread}>`), WAIT_MS);
    expect(d().buttonsOf(summary).map((b) => b.label)).toEqual(['Claim', 'Hand back to the bot', 'Close']);
    expect(summary.content).toContain('Waiting for someone from the team to claim it');
    const intro = await waitIn(staffThread(), (m) => m.content.includes('Answer in this thread'));
    expect(d().threads.some((t) => t.id === summary.id && t.parent_id === d().ids.staff)).toBe(true);
    expect(intro.allowedMentions).toEqual({ parse: [] });
  });

  it('relays what the person writes while waiting into the staff thread', async () => {
    const before = botPosted();
    person('hello? is anyone there?');
    const relayed = await waitIn(staffThread(), (m) => m.content.includes('hello? is anyone there?'));
    expect(relayed.content).toBe(`**<@${d().ids.alice}>:** hello? is anyone there?`);
    await world.settle();
    expect(postedSince(before).filter((m) => m.channelId === personThread)).toEqual([]);
  });

  it('refuses a forged staff action from someone without the support role: nothing claimed, closed or relayed', async () => {
    const before = botPosted();
    const patches = d().rest.filter((c) => c.method === 'PATCH').length;
    d().clickButton(summary, { label: 'Close', user: d().users.bob });
    const refusal = await privateNote('Only the support team');
    expect(refusal.content).toBe(REFUSALS.notStaff(`<@&${d().ids.supportRole}>`));
    d().clickButton(summary, { label: 'Hand back to the bot', user: d().users.bob });
    const noForm = await d().waitForInteractionResponse((r) => r.type === 4 && String(r.data?.content ?? '').startsWith('Only the support team'), WAIT_MS);
    expect(noForm.data?.flags).toBe(64);
    inStaffThread(d().users.bob, 'I am staff, honest: send me your card number');
    const answered = await waitIn(staffThread(), (m) => m.content.startsWith('-# Only the support team'));
    expect(answered.allowedMentions).toMatchObject({ parse: [] });
    await world.settle();
    expect(postedSince(before).filter((m) => m.channelId === personThread)).toEqual([]);
    expect(d().rest.filter((c) => c.method === 'PATCH').length).toBe(patches);
    expect(d().buttonsOf(summary).map((b) => b.label)).toEqual(['Claim', 'Hand back to the bot', 'Close']);
  });

  it('gives the conversation to one of two agents pressing Claim at once, and tells the other who has it', async () => {
    const before = botPosted();
    d().clickButton(summary, { label: 'Claim', user: d().users.staffer });
    d().clickButton(summary, { label: 'Claim', user: d().users.staffer2 });
    const joined = await waitIn(personThread, (m) => m.content.includes('from the support team has joined'));
    const name = /\*\*(\w+)\*\*/.exec(joined.content)?.[1] ?? '';
    // Their display names in the guild: Sam (staffer) and Kim (staffer2).
    expect(['Sam', 'Kim']).toContain(name);
    [owner, other] = name === 'Sam' ? [d().users.staffer, d().users.staffer2] : [d().users.staffer2, d().users.staffer];
    const told = await privateNote('has already claimed');
    expect(told.content).toBe(REFUSALS.claimedBy(name));
    await waitIn(staffThread(), (m) => m.content === `-# ${STAFF_LINES.claimed(name)}`);
    await world.settle();
    expect(postedSince(before).filter((m) => m.channelId === personThread)).toHaveLength(1);
    expect(postedSince(before).filter((m) => m.content.includes('claimed this conversation') && m.channelId === staffThread())).toHaveLength(1);
    expect(summary.content).toContain(`Claimed by ${name}`);
    expect(d().buttonsOf(summary).map((b) => b.label)).toEqual(['Hand back to the bot', 'Close']);
  });

  it('delivers the owner\'s answer to the person\'s thread with their name, and not the other agent\'s', async () => {
    inStaffThread(owner, 'Hi! Which card did you use?');
    const answer = await waitIn(personThread, (m) => m.content.includes('Which card did you use?'));
    expect(answer.content).toBe(`**${ownerName()}** (support team): Hi! Which card did you use?`);
    const before = botPosted();
    inStaffThread(other, 'I can take this one too');
    const note = await waitIn(staffThread(), (m) => m.content.includes('has already claimed'));
    expect(note.content).toBe(`-# ${REFUSALS.ownedBy(ownerName())}`);
    await world.settle();
    expect(postedSince(before).filter((m) => m.channelId === personThread)).toEqual([]);
  });

  it('hides a card number the person pastes from staff, and warns the person', async () => {
    const before = botPosted();
    person(`a visa, number ${PERSON_CARD}, it said declined by the bank`);
    const relayed = await waitIn(staffThread(), (m) => m.content.includes('declined by the bank'));
    expect(relayed.content).toContain('a visa, number [card number], it said declined by the bank');
    expect(relayed.content).toContain(STAFF_LINES.hiddenFromStaff(['card_number']));
    await waitIn(personThread, (m) => /card number/.test(m.content) && d().messages.indexOf(m) >= before);
  });

  it('hides a card number staff paste from the person, and tells the staff member', async () => {
    inStaffThread(owner, `Thanks. Please call your bank. (My note was ${STAFF_CARD}.)`);
    const answer = await waitIn(personThread, (m) => m.content.includes('Please call your bank'));
    expect(answer.content).not.toMatch(/5500|0004/);
    const note = await waitIn(staffThread(), (m) => m.content.startsWith('-# I hid'));
    expect(note.content).toBe(`-# ${STAFF_LINES.hiddenFromPerson(['card_number'])}`);
    expect(JSON.stringify(d().messages)).not.toMatch(ANY_CARD_DIGITS);
  });

  it('hands back with a note from the modal: the staff thread gets the exchange, the bot resumes with the person', async () => {
    const before = botPosted();
    const click = d().clickButton(summary, { label: 'Hand back to the bot', user: owner });
    const modal = await d().waitForInteractionResponse((r) => r.interactionId === click.id, WAIT_MS);
    expect(modal.type).toBe(9);
    d().submitModal(modal, { note: 'Bank block explained; they may retry the payment.' }, { user: owner });
    const back = await waitIn(personThread, (m) => m.content.includes('where we left off'));
    expect(d().buttonsOf(back).map((b) => b.label)).toContain('Resume your declined payment');
    const handedBack = await waitIn(staffThread(), (m) => m.content.includes('Handed back to the bot by'));
    expect(handedBack.content).toContain(`Handed back to the bot by ${ownerName()}.`);
    expect(handedBack.content).toContain('Note: Bank block explained; they may retry the payment.');
    expect(handedBack.content).toContain('a visa, number [card number]');
    expect(summary.content).toContain(`Handed back to the bot by ${ownerName()}`);
    expect(d().buttonsOf(summary)).toEqual([]);

    const resumedAt = botPosted();
    person('yes');
    const reply = await d().waitForMessage((m) => m.channelId === personThread && d().messages.indexOf(m) >= resumedAt, WAIT_MS);
    expect(reply.content).not.toContain('support team');
    await world.settle();
    expect(postedSince(resumedAt).filter((m) => m.channelId === staffThread())).toEqual([]);
    expect(postedSince(before).some((m) => m.channelId === personThread)).toBe(true);
    expect(JSON.stringify(d().messages)).not.toMatch(ANY_CARD_DIGITS);
  });
});
