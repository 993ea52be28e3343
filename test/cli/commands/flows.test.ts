import { describe, expect, it } from 'vitest';
import { runFlows } from '../../../src/cli/commands/flows.js';
import { InputError } from '../../../src/core/errors.js';

async function run(options: Parameters<typeof runFlows>[0]): Promise<string> {
  let out = '';
  await runFlows(options, (t) => {
    out += t;
  });
  return out;
}

describe('supportbot flows', () => {
  it('lists every flow with its steps', async () => {
    const out = await run({});
    expect(out.trim().split('\n')).toHaveLength(5);
    expect(out).toMatch(/^payment_declined +My payment was declined — \d+ steps/m);
  });

  it('draws each flow as a Mermaid flowchart with the button labels on the arrows', async () => {
    const out = await run({ mermaid: true, flow: 'payment_declined' });
    expect(out).toContain('```mermaid\nflowchart TD\n  START((start)) --> ask_cause');
    expect(out).toContain('ask_cause -->|"Not enough funds or a limit"| fix_funds');
    expect(out).toContain('ask_cause -.->|"skip: slot is errorKind=flagged"| fix_flagged');
    expect(out).toContain('who_to_contact -->|"Pass me to a person"| HANDOFF');
  });

  it('checks the flows against the knowledge base', async () => {
    expect(await run({ check: true })).toMatch(/^5 flows, \d+ steps: no problems\n$/);
  });

  it('rejects an unknown flow by name', async () => {
    await expect(run({ flow: 'nope' })).rejects.toThrow(InputError);
  });
});
