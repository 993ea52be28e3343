import type { ReplayResult, TurnFailure } from './replayer.js';

function describeTurn(f: TurnFailure): string {
  const t = f.turn;
  if (t.user !== undefined) return `user: ${JSON.stringify(t.user)}`;
  if (t.click !== undefined) return `click: ${JSON.stringify(t.click)}`;
  if (t.staff !== undefined) return `staff (${t.as ?? 'Sam'}): ${JSON.stringify(t.staff)}`;
  if (t.claim !== undefined) return `claim: ${t.claim}`;
  if (t.handBack !== undefined) return `handBack${t.handBack === true ? '' : `: ${JSON.stringify(t.handBack)}`}`;
  if (t.close !== undefined) return 'close';
  if (t.timeout !== undefined) return 'timeout';
  return `action: ${JSON.stringify(t.action)}`;
}

/** A readable diff of one failed replay: the turn, what was expected and what came. */
export function formatFailure(result: ReplayResult, color = false): string {
  const red = (s: string) => (color ? `\x1b[31m${s}\x1b[39m` : s);
  const green = (s: string) => (color ? `\x1b[32m${s}\x1b[39m` : s);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);
  const lines = [`${red('✗')} ${result.name}${result.file ? dim(`  (${result.file})`) : ''}`];
  for (const f of result.failures) {
    lines.push(`  turn ${f.index + 1}: ${describeTurn(f)}`);
    if (f.error) lines.push(`    ${red('error:')} ${f.error}`);
    const width = Math.max(8, ...f.mismatches.map((m) => m.field.length));
    for (const m of f.mismatches) {
      lines.push(`    ${m.field.padEnd(width)}  ${green('- expected')} ${m.expected}`);
      lines.push(`    ${' '.repeat(width)}  ${red('+ got     ')} ${m.got}`);
    }
    if (f.observed) {
      const o = f.observed;
      lines.push(dim(`    bot said (intent ${o.intent ?? '-'}, flow ${o.flow ?? '-'}, step ${o.step ?? '-'}${o.handoff ? ', handoff' : ''}):`));
      for (const r of o.replies) {
        lines.push(dim(`      | ${r.text.replace(/\n/g, '\n      | ')}`));
        if (r.buttons.length > 0) lines.push(dim(`      | [${r.buttons.map((b) => b.label).join('] [')}]`));
      }
      if (o.staffThread && o.staffThread.length > 0) {
        lines.push(dim('    the staff thread got:'));
        for (const s of o.staffThread) lines.push(dim(`      | ${s.replace(/\n/g, '\n      | ')}`));
      }
    }
  }
  return lines.join('\n');
}
