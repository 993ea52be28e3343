/** Draws a flow as a Mermaid flowchart: questions as hexagons, ends as stadiums, labels = button labels. */
import type { FlowDefinition, Transition } from './flow-schema.js';

const quote = (text: string): string => `"${text.replace(/"/g, '#quot;')}"`;

function guardLabel(t: Transition): string {
  const guards = [...(t.guard ? [t.guard] : []), ...(t.guards ?? [])];
  if (guards.length === 0) return 'otherwise';
  return guards.map((g) => (g.arg ? `${g.name.replace(/_/g, ' ')} ${g.arg}` : g.name.replace(/_/g, ' '))).join(' and ');
}

export function flowToMermaid(flow: FlowDefinition): string {
  const lines = ['flowchart TD'];
  const externals = new Set<string>();
  const node = (to: string): string => {
    if (to === '@end') return 'END';
    if (to === '@handoff') return 'HANDOFF';
    if (to.startsWith('flow:')) {
      externals.add(to.slice(5));
      return `to_${to.slice(5)}`;
    }
    return to;
  };
  lines.push(`  START((start)) --> ${flow.start}`);
  for (const [id, step] of Object.entries(flow.steps)) {
    if (step.end === 'done') lines.push(`  ${id}([${quote(`${id} ✓`)}])`);
    else if (step.end === 'handoff') lines.push(`  ${id}[[${quote(`${id}: a person`)}]]`);
    else if (step.end === 'pause') lines.push(`  ${id}([${quote(`${id} ⏸`)}])`);
    else if (step.options) lines.push(`  ${id}{{${quote(id)}}}`);
    else lines.push(`  ${id}[${quote(id)}]`);
  }
  let usesEnd = false;
  let usesHandoff = false;
  for (const [id, step] of Object.entries(flow.steps)) {
    for (const option of step.options ?? []) {
      for (const t of option.then) {
        const label = t.guard ? `${option.label} (${guardLabel(t)})` : option.label;
        lines.push(`  ${id} -->|${quote(label)}| ${node(t.to)}`);
        usesEnd ||= t.to === '@end';
        usesHandoff ||= t.to === '@handoff';
      }
    }
    for (const t of step.skip ?? []) lines.push(`  ${id} -.->|${quote(`skip: ${guardLabel(t)}`)}| ${node(t.to)}`);
    for (const t of step.always ?? []) lines.push(`  ${id} -->|${quote(guardLabel(t))}| ${node(t.to)}`);
    for (const t of [...(step.skip ?? []), ...(step.always ?? [])]) {
      usesEnd ||= t.to === '@end';
      usesHandoff ||= t.to === '@handoff';
    }
  }
  if (usesEnd) lines.push('  END(((end)))');
  if (usesHandoff) lines.push(`  HANDOFF[[${quote('a person takes over')}]]`);
  for (const other of externals) lines.push(`  to_${other}[/${quote(`flow ${other}`)}/]`);
  return lines.join('\n');
}
