import { z } from 'zod';
import type { DialoguePolicy } from '../core/ports.js';

export interface DialoguePolicyOptions {
  /** A conversation idle this long starts fresh and offers to resume (default 30 minutes). */
  idleMs?: number;
}

const stateSchema = z.object({ turns: z.number().int() });
type State = z.output<typeof stateSchema>;

// PLACEHOLDER (issue 5 replaces this with the engine and the flows).
export function createDialoguePolicy(_options: DialoguePolicyOptions = {}): DialoguePolicy<State> {
  return {
    initialState: () => ({ turns: 0 }),
    parseState: (raw) => stateSchema.parse(raw),
    position: () => ({ flow: null, step: null }),
    step(state, input) {
      const greeting = input.nlu?.intent === 'greeting';
      return {
        state: { turns: state.turns + 1 },
        effects: [
          {
            type: 'say',
            text: greeting ? 'Hello! I help with paying on Alibaba with Alipay.' : 'I help with Alipay on Alibaba: setup, cards, declines, verification.',
            buttons: [{ label: 'My card was declined', value: 'intent:payment_declined' }],
          },
        ],
      };
    },
  };
}
