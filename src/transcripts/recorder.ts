import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { parseStaffAction } from '../core/actions.js';
import type { LiveRecord } from '../core/live-agent/live-agent.js';
import type { Button, IncomingMessage, Platform, TurnResult } from '../core/types.js';
import type { TranscriptInput } from './transcript-schema.js';

export interface TranscriptRecorderOptions {
  /** Folder the transcripts are written to (created when missing). */
  dir: string;
  now?: () => number;
  /** Turns kept per conversation; older ones are dropped from the file. */
  maxTurns?: number;
}

interface Recording {
  file: string;
  transcript: TranscriptInput & { turns: NonNullable<TranscriptInput['turns']> };
  offered: Button[];
}

/**
 * Writes each conversation as a transcript file, already redacted (the pipeline gives listeners the
 * redacted text only), with the bot's actual behaviour as expectations: a support team edits the
 * turn that went wrong and has a regression test.
 */
export function createTranscriptRecorder(options: TranscriptRecorderOptions) {
  const now = options.now ?? Date.now;
  const maxTurns = options.maxTurns ?? 200;
  const recordings = new Map<string, Recording>();
  mkdirSync(options.dir, { recursive: true });

  function recordingFor(message: { conversationKey: string; platform: Platform }): Recording {
    let rec = recordings.get(message.conversationKey);
    if (!rec) {
      const started = new Date(now()).toISOString();
      const name = `${message.platform} conversation ${started}`;
      const file = path.join(options.dir, `${started.replace(/[:.]/g, '-')}-${message.conversationKey.replace(/[^a-zA-Z0-9_-]+/g, '_').slice(0, 60)}.yaml`);
      rec = { file, transcript: { name, description: `Recorded from ${message.platform}; edit the expectations, then replay.`, clock: started, turns: [] }, offered: [] };
      recordings.set(message.conversationKey, rec);
      if (recordings.size > 1000) {
        const oldest = recordings.keys().next().value;
        if (oldest !== undefined) recordings.delete(oldest);
      }
    }
    return rec;
  }

  function write(rec: Recording, turn: Record<string, unknown>): void {
    rec.transcript.turns.push(turn as never);
    if (rec.transcript.turns.length > maxTurns) rec.transcript.turns.shift();
    const tmp = `${rec.file}.tmp`;
    writeFileSync(tmp, stringify(rec.transcript, { lineWidth: 0 }));
    renameSync(tmp, rec.file);
  }

  return {
    /** A `TurnPipeline` onTurn listener. */
    onTurn(message: IncomingMessage, result: TurnResult): void {
      if (result.duplicate) return;
      const rec = recordingFor(message);
      // A pasted secret is recorded as its placeholder ("[card number]"), so a replay gets no
      // privacy notice (the dialogue's first reply here): expect what the bot said besides it.
      const replies = result.redactions.length > 0 && message.action === undefined ? result.replies.slice(1) : result.replies;
      const buttons = replies.flatMap((r) => r.buttons);
      const firstLine = replies[0]?.text.split(/(?<=[.!?])\s|\n/)[0]?.trim() ?? '';
      const expect: Record<string, unknown> = {};
      if (message.text !== undefined) expect.intent = result.intent;
      expect.flow = result.flow;
      expect.step = result.step;
      if (firstLine) expect.contains = firstLine.length > 60 ? firstLine.slice(0, 60) : firstLine;
      if (buttons.length > 0) expect.buttons = buttons.map((b) => b.label);
      if (result.citations.length > 0) expect.citations = result.citations.map((c) => c.section);
      if (result.handoff) expect.handoff = true;
      if (replies.length === 0) expect.silent = true;

      let turn: Record<string, unknown>;
      const staff = message.action === undefined ? undefined : parseStaffAction(message.action);
      if (staff) {
        // Staff's ending of a live session: replayed through the live agent as a staff turn.
        turn = staff.kind === 'hand_back' ? { handBack: staff.note ?? true } : staff.kind === 'close' ? { close: true } : { timeout: true };
      } else if (message.action !== undefined) {
        const clicked = rec.offered.find((b) => b.value === message.action);
        turn = clicked ? { click: clicked.label } : { action: message.action };
      } else {
        turn = { user: message.text ?? '' };
      }
      write(rec, { ...turn, expect });
      rec.offered = buttons;
    },
    /**
     * A live-agent listener: what staff said (already redacted) and who claimed become staff turns,
     * with what the person was shown as the expectation.
     */
    onLive(record: LiveRecord): void {
      if (record.kind === 'claimed') {
        write(recordingFor(record), { claim: record.name, expect: { contains: record.name } });
      } else if (record.kind === 'staff_said') {
        const shown = record.text.split(/(?<=[.!?])\s|\n/)[0]?.trim().slice(0, 60);
        write(recordingFor(record), { staff: record.text, as: record.name, expect: shown ? { contains: shown } : {} });
      }
    },
    files: () => [...recordings.values()].map((r) => r.file),
  };
}
export type TranscriptRecorder = ReturnType<typeof createTranscriptRecorder>;
