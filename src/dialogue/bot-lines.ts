/**
 * What the bot says in its own words: greetings, transitions, reprompts. Conversation only;
 * facts come from knowledge sections. Kept in one place so a support team can reword them.
 */
import { GENERIC_PRIVACY_NOTICE } from '../core/privacy-notice.js';

export const LINES = {
  greeting: "Hi! I'm the Alipay helper. I can walk you through setting up Alipay, linking a foreign card, a declined payment, verification, or paying on Alibaba, and answer questions about fees, limits, safety, the Tour Pass and refunds. What can I help with?",
  greetingInFlow: (title: string) => `Hi again! We're in the middle of ${title}.`,
  thanks: "You're welcome! Is there anything else I can help with?",
  thanksInFlow: (title: string) => `You're welcome! I'll keep your place in ${title}: choose Resume whenever you want to carry on.`,
  goodbye: 'Goodbye, and good luck with your order! Come back any time.',
  goodbyeInFlow: (title: string) => `Goodbye for now! I'll keep your place in ${title}, so we can pick it up where we left off.`,
  affirmNoFlow: 'Great! What can I help with?',
  denyNoFlow: "Alright! I'm here if you need anything.",
  menu: 'Here is what I can help with:',
  help: "I'm a bot that helps with paying on Alibaba with Alipay. Pick a topic below or ask a question in your own words. At any time you can type \"back\", \"start over\", \"cancel\" or \"talk to a person\".",
  helpInFlow: (title: string) =>
    `We're working on ${title}. Answer with a button or in your own words. You can also type "back" for the previous question, "start over", "cancel", or "talk to a person".`,
  outOfScope:
    "Sorry, that's outside what I can help with. I help with paying on Alibaba with Alipay: setting up an account, linking a foreign card, declined payments, verification, and questions about fees, limits, safety, the Tour Pass and refunds.",
  reprompt: "Sorry, I didn't quite get that.",
  showAgain: "Sorry, I didn't quite get that. Here is this step again:",
  repromptAgain: 'I still didn\'t catch that. You can choose one of these, type its number, or say "talk to a person".',
  alternatives: "I'm not getting this right, sorry. Would you like to start over, choose something else, or talk to a person?",
  staleButton: 'That button belongs to an earlier question.',
  unknownButton: "Sorry, I don't recognise that choice.",
  carryOn: (title: string) => `Shall we carry on with ${title}?`,
  switching: (title: string) => `Sure, let's look at ${title} instead.`,
  confirmSwitch: (from: string, to: string) => `Would you like to leave ${from} and look at ${to} instead?`,
  alreadyOnIt: (title: string) => `We're already working on ${title}.`,
  backAtStart: "We're at the first question already.",
  nothingToGoBackTo: "There's nothing to go back to.",
  restarted: (title: string) => `Okay, let's start ${title} again from the top.`,
  cancelled: (title: string) => `Okay, I've stopped ${title}. What else can I help with?`,
  nothingToCancel: 'Nothing to cancel. What can I help with?',
  resumeOffer: (title: string) => `Welcome back! Earlier we were in the middle of ${title}. You can pick it up where we left off.`,
  resumed: (title: string) => `Let's carry on with ${title}.`,
  nothingToResume: "There's nothing to resume. What can I help with?",
  backToEarlier: (title: string) => `Would you like to go back to ${title}?`,
  clarify: 'Just to be sure, which of these did you mean?',
  orDidYouMean: 'If that was not what you meant, pick one of these:',
  handoffIntro: 'Of course. So you know who handles what:',
  contactIntro: "Here's who can help with this, and how to reach them:",
  contactOffer: 'If you prefer, a person from our support team can help you here instead.',
  contactOfferInFlow: (title: string) => `I can also pass you to a person here, or we can carry on with ${title}.`,
  beforeYouCall: 'Good idea. When you get in touch, this helps them help you:',
  comeBackLater: (title: string) => `Good luck! I'll keep your place in ${title}. When you're back, choose Resume and we'll carry on from here.`,
  goodLuck: 'Good luck! Come back any time if you need me.',
  solved: "Great, glad it's sorted! Is there anything else I can help with?",
  stillFailing: "Sorry it's still not working.",
  stillFailingNoFlow: "Sorry it's still not working. Tell me in a few words what happens, or choose what it's about:",
  letsWorkThrough: "Sorry it's still not working. Let's work through it together.",
  goOnFromThere: "Let's go on from there.",
  noted: 'Thanks, noted.',
  /** Whatever stopped it was lifted (unblocked, limit raised, money added): the next step is a new try. */
  tryAgainNow: 'Good, that should clear the way. Please try again now.',
  /** A report of what they checked, with the step's advice after it (what is left to try). */
  notedRestOfStep: 'Thanks, noted. In case something here is still left to try:',
  backToTask: (title: string) => `Shall we carry on with ${title}?`,
  offerWalkthrough: (title: string) => `Would you like me to walk you through ${title}, step by step?`,
  outOfScopeCrypto:
    "I can't help with crypto, sorry: I only help with paying on Alibaba with Alipay (setting up, linking a foreign card, declined payments, verification, fees and limits).",
  outOfScopeOtherApp:
    "That's about another app or shop, so its own support is the best place to ask. I help with paying on Alibaba with Alipay: setting up, linking a foreign card, declined payments, verification, fees and limits.",
  outOfScopeBank:
    "That's one for your bank's own app or support. I help with paying on Alibaba with Alipay, including a card your bank declines there.",
  orderQuestion: 'Orders and deliveries are handled by the seller and Alibaba, not Alipay:',
  handoff:
    "I've passed your conversation to our support team with a short summary (without any card numbers or codes). A person will reply here; until then I'll stay quiet.",
  referral:
    'Nobody from the support team is connected to this chat, so please reach them directly as above, and have your order number and the exact error message ready (never your card number or codes). I can keep helping in the meantime.',
  handBack: "I'm back! The support team has handed this conversation back to me. How can I help?",
  handBackResume: (title: string) => `I'm back! The support team has handed this conversation back to me. Shall we carry on with ${title} where we left off?`,
  closedByStaff: "The support team has closed this conversation, and I'm here again. Is there anything else I can help with?",
  /** Nobody from the team took the handoff in time; `hours` is SUPPORT_HOURS when set. */
  noStaff: (hours: string | undefined) =>
    `Sorry, nobody from the support team was free to take your conversation just now.${hours ? ` Our team's hours: ${hours}.` : ''} Here is how to reach the right people directly:`,
  afterNoStaff: 'I can keep helping in the meantime. What would you like to do?',
  afterNoStaffInFlow: (title: string) => `I can keep helping in the meantime. Shall we carry on with ${title}?`,
  notInHandoff: "I'm here. How can I help?",
  // The notice's variants (message deleted or not) live with the privacy notice in the core.
  privacy: GENERIC_PRIVACY_NOTICE,
  truncated: 'Your message was very long, so I read only the first part.',
  empty: "I didn't get any text there. What can I help with?",
  emptyInFlow: "I didn't get any text there.",
  nonEnglish: "Sorry, I can only chat in English for now. Could you write your question in English? You can also choose one of the buttons.",
  // Neutral on purpose: the same line has to fit 👋, 👍 and 😡.
  emojiOnly: "I can't read emoji very well. Tell me in a few words what you need, or pick one of these:",
  secretOnly: "I don't need any card details to help you. What would you like to do?",
  sayAgain: 'This is the part that answers it. If it is still unclear, a person can explain it:',
  neverShareSecrets:
    "No: never send your full card number, the security code (CVV), verification codes or passwords to anyone, by email, chat or phone, and that includes Alipay's and your bank's support staff. A screenshot of the error and what you tried is what helps them.",
  whatProblem: "I'm not sure I followed. What's the problem? You can tell me in a few words or pick one of these:",
  confirmSwitchEither: (from: string) => `Would you like to leave ${from} and look at one of these instead?`,
  done: 'Is there anything else I can help with?',
  feedbackThanks: 'Thanks for letting me know!',
  feedbackSorry: "Sorry that didn't help. Thanks for telling me: it helps us improve. You can ask me another way, or talk to a person.",
} as const;
