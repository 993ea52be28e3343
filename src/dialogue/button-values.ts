/**
 * The button value scheme (short, stable; Slack and Discord allow 100 characters):
 *   flow:<flow id>      start a guided flow          e.g. flow:payment_declined
 *   info:<intent>       answer an information topic  e.g. info:fees_and_rates
 *   answer:<value>      an option of the current step e.g. answer:visa
 *   nav:<command>       back, restart, cancel, help, human, menu, continue, resume
 *   handoff:release     staff hand the conversation back (ACTIONS.handBack), `handoff:release:<note>` with a note
 *   handoff:close       staff close it; handoff:timeout  nobody claimed it in time (the live agent sends both)
 *   feedback:up|down    thumbs up or down on the answer just given (core/feedback.ts)
 */
import { ACTIONS, parseStaffAction } from '../core/actions.js';
import { feedbackOf, type FeedbackValue } from '../core/feedback.js';
import type { Button } from '../core/types.js';

export const NAV_COMMANDS = ['back', 'restart', 'cancel', 'help', 'human', 'menu', 'continue', 'resume'] as const;
export type NavCommand = (typeof NAV_COMMANDS)[number];

export type ButtonAction =
  | { kind: 'flow'; flow: string }
  | { kind: 'info'; intent: string }
  | { kind: 'answer'; value: string }
  | { kind: 'nav'; command: NavCommand }
  | { kind: 'hand_back'; note: string | null }
  | { kind: 'close' }
  | { kind: 'timed_out' }
  | { kind: 'feedback'; value: FeedbackValue }
  | { kind: 'unknown'; value: string };

export function parseButtonValue(value: string): ButtonAction {
  const staff = parseStaffAction(value);
  if (staff) return staff;
  const feedback = feedbackOf(value);
  if (feedback) return { kind: 'feedback', value: feedback };
  const colon = value.indexOf(':');
  const prefix = colon < 0 ? '' : value.slice(0, colon);
  const rest = colon < 0 ? '' : value.slice(colon + 1);
  switch (prefix) {
    case 'flow':
      return rest ? { kind: 'flow', flow: rest } : { kind: 'unknown', value };
    case 'info':
      return rest ? { kind: 'info', intent: rest } : { kind: 'unknown', value };
    case 'answer':
      return rest ? { kind: 'answer', value: rest } : { kind: 'unknown', value };
    case 'nav':
      return (NAV_COMMANDS as readonly string[]).includes(rest) ? { kind: 'nav', command: rest as NavCommand } : { kind: 'unknown', value };
    default:
      return { kind: 'unknown', value };
  }
}

export const answerValue = (value: string): string => `answer:${value}`;
export const flowValue = (flow: string): string => `flow:${flow}`;
export const infoValue = (intent: string): string => `info:${intent}`;
export const navValue = (command: NavCommand): string => `nav:${command}`;

export const NAV_BUTTONS = {
  back: { label: 'Back', value: navValue('back') },
  restart: { label: 'Start over', value: navValue('restart') },
  cancel: { label: 'Cancel', value: navValue('cancel') },
  help: { label: 'Help', value: navValue('help') },
  human: { label: 'Talk to a person', value: ACTIONS.human },
  menu: { label: 'Something else', value: navValue('menu') },
  continue: { label: 'Carry on', value: navValue('continue') },
} satisfies Record<string, Button>;

const CONTINUE =
  /^((yes|yeah|yep|sure|ok|okay|alright|fine|right|please|pls|lets|let us|we can|just) )*(continue|carry on|go on|keep going|proceed|resume|go ahead|pick (it|this|that) up( again)?|back to (it|that|where we were)|where were we)( (please|then|now))?( (with|on) .{1,60})?$/;

/** "yes, carry on with linking the card": the message asks to go on (and has no "don't", "stop" or "cancel" in it). */
export function asksToContinue(text: string): boolean {
  const plain = normalise(text);
  return /\b(continue|carry on|go on|keep going|proceed|resume)\b/.test(plain) && !/\b(dont|do not|not|never|no|no longer|stop|cancel|quit|abort)\b/.test(plain);
}

/**
 * Navigation typed as words. Only a message that is the command (with a little politeness around
 * it) counts: "go back" is a command, "I went back to the checkout page" is not.
 */
const COMMAND_PATTERNS: ReadonlyArray<[NavCommand, RegExp]> = [
  ['back', /^(go |take me )?back( a step| one step)?$|^previous( step| question)?$|^undo$/],
  ['restart', /^(restart|start (over|again)|begin again|from the (beginning|start)|reset)$/],
  ['cancel', /^(cancel( (that|this|it))?|stop( (that|this|it))?|never ?mind|forget (it|that)|quit|exit|abort)$/],
  // "continue", "ok let's continue", "carry on", "yes, go on with it": never a cancel.
  ['continue', CONTINUE],
  ['help', /^(help|help me|options|what can you do|what do you do|\?)$/],
  // The menu sets the task aside (it can be resumed), unlike cancel.
  ['menu', /^(menu|main menu|the menu|something else|other options|other topics|back to (the )?(main )?menu|show (me )?the menu)$/],
  [
    'human',
    /^((talk|speak|chat) (to|with) )?(a |an |the )?(real |live )?(human|person|agent|someone|somebody|representative|operator|staff|support agent)( please)?$|^(human|agent|operator|representative)$/,
  ],
];

const POLITE = /^(please |pls |ok(ay)? |can (you|i|we) |could (you|i|we) |i want to |i'?d like to |let'?s |i need (a |an )?|i want (a |an )?)+|( please| pls| now)+$/g;

export function normalise(text: string): string {
  return text
    .toLowerCase()
    // "don't" and "dont" read the same.
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9?\s]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function commandInText(text: string): NavCommand | undefined {
  const plain = normalise(text).replace(/\?$/, (m) => (normalise(text) === '?' ? m : '')).trim();
  const bare = plain.replace(POLITE, '').trim();
  for (const [command, pattern] of COMMAND_PATTERNS) {
    if (pattern.test(plain) || (bare !== '' && pattern.test(bare))) return command;
  }
  return undefined;
}
