import type { Button, Citation, Reply } from '../core/types.js';
import { toRegExp, type Expectation } from './transcript-schema.js';

/** What a channel let us observe of one bot turn. */
export interface ObservedTurn {
  intent: string | null;
  flow: string | null;
  step: string | null;
  replies: Reply[];
  citations: Citation[];
  handoff: boolean;
  /** What the staff thread received during the turn (live agent), when the channel can see it. */
  staffThread?: string[];
}

/** One mismatch: the field, what was expected and what came. */
export interface Mismatch {
  field: string;
  expected: string;
  got: string;
}

const show = (v: unknown): string => JSON.stringify(v);

/** Compares one observed turn with its expectation; returns every mismatch (empty when it passes). */
export function checkTurn(expect: Expectation | undefined, observed: ObservedTurn): Mismatch[] {
  if (!expect) return [];
  const problems: Mismatch[] = [];
  const text = observed.replies.map((r) => r.text).join('\n');
  const lower = text.toLowerCase();
  const buttons: Button[] = observed.replies.flatMap((r) => r.buttons);
  const short = (s: string) => (s.length > 160 ? `${s.slice(0, 157)}…` : s);

  for (const field of ['intent', 'flow', 'step'] as const) {
    const want = expect[field];
    if (want !== undefined && observed[field] !== want) problems.push({ field, expected: show(want), got: show(observed[field]) });
  }
  if (expect.intentOneOf && !expect.intentOneOf.includes(observed.intent ?? '')) {
    problems.push({ field: 'intentOneOf', expected: `one of ${show(expect.intentOneOf)}`, got: show(observed.intent) });
  }
  for (const s of expect.contains ?? []) {
    if (!lower.includes(s.toLowerCase())) problems.push({ field: 'contains', expected: show(s), got: `not in ${show(short(text))}` });
  }
  for (const source of expect.matches ?? []) {
    if (!toRegExp(source).test(text)) problems.push({ field: 'matches', expected: source, got: `no match in ${show(short(text))}` });
  }
  if (expect.oneOf && !expect.oneOf.some((s) => lower.includes(s.toLowerCase()))) {
    problems.push({ field: 'oneOf', expected: `one of ${show(expect.oneOf)}`, got: `none in ${show(short(text))}` });
  }
  for (const s of expect.notContains ?? []) {
    if (lower.includes(s.toLowerCase())) problems.push({ field: 'notContains', expected: `no ${show(s)}`, got: `found in ${show(short(text))}` });
  }
  for (const want of expect.buttons ?? []) {
    const w = want.toLowerCase();
    if (!buttons.some((b) => b.label.toLowerCase() === w || b.value === want)) {
      problems.push({ field: 'buttons', expected: show(want), got: show(buttons.map((b) => b.label)) });
    }
  }
  for (const id of expect.citations ?? []) {
    if (!observed.citations.some((c) => c.section === id)) {
      problems.push({ field: 'citations', expected: show(id), got: show(observed.citations.map((c) => c.section)) });
    }
  }
  if (expect.citationOneOf && !observed.citations.some((c) => expect.citationOneOf?.includes(c.section))) {
    problems.push({ field: 'citationOneOf', expected: `one of ${show(expect.citationOneOf)}`, got: show(observed.citations.map((c) => c.section)) });
  }
  if (expect.handoff !== undefined && observed.handoff !== expect.handoff) {
    problems.push({ field: 'handoff', expected: show(expect.handoff), got: show(observed.handoff) });
  }
  const staff = (observed.staffThread ?? []).join('\n');
  for (const s of expect.staffSees ?? []) {
    if (!staff.toLowerCase().includes(s.toLowerCase())) problems.push({ field: 'staffSees', expected: show(s), got: `not in ${show(short(staff))}` });
  }
  for (const s of expect.staffNotSees ?? []) {
    if (staff.toLowerCase().includes(s.toLowerCase())) problems.push({ field: 'staffNotSees', expected: `no ${show(s)}`, got: `found in ${show(short(staff))}` });
  }
  if (expect.silent !== undefined && (observed.replies.length === 0) !== expect.silent) {
    problems.push({ field: 'silent', expected: show(expect.silent), got: `${observed.replies.length} replies` });
  }
  return problems;
}
