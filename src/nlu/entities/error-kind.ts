import type { ErrorKind } from '../../core/types.js';

/** Most specific first: "verification failed with an error" is about verification, not a bug. */
const KINDS: ReadonlyArray<[ErrorKind, RegExp]> = [
  ['insufficient_funds', /\bin?suf\w* (?:funds?|fund|balance|money)\b|\bnot sufficient\b|\bnot enough (?:money|funds?|balance|credit)\b|\b(?:no|low) (?:money|funds?|balance)\b|\bbalance (?:is )?(?:too low|insufficient)\b|\bnsf\b|\bran out of money\b|\bempty account\b/],
  ['flagged', /\bsuspicious\b|\bfraud\w*|\bflagg?ed\b|\brisk (?:control|check|management|system)\b|\bunusual activity\b|\bsecurity (?:check|hold|reasons?|block)\b|\bblocked for security\b|\bfrozen for security\b/],
  ['verification_required', /\bverif\w*|\b3 ?d ?s(?:ecure)?\b|\b3ds\b|\botp\b|\bone time (?:code|password)\b|\bsms code\b|\bauthenticat\w*|\bconfirm (?:my|the) identity\b|\bkyc\b|\bidentity check\b|\bsecurity code\b/],
  ['card_not_supported', /\bnot (?:supported|accepted|compatible|eligible)\b|\bunsupported\b|\bdoes not (?:support|accept|take)\b|\bdo not (?:support|accept|take)\b|\bwill not (?:accept|take)\b|\bcan not (?:add|link|bind|use) (?:my|a|this|the)? ?(?:\w+ )?card\b|\binvalid card\b|\bcard (?:type )?(?:is )?not valid\b|\bwrong card type\b/],
  ['limit', /\blimits?\b|\bexceed\w*|\bmaximum\b|\bmax (?:amount|limit)\b|\bover the (?:max|cap)\b|\bcap(?:ped)? at\b|\bquota\b|\btoo (?:much|large|big|high) (?:an )?(?:amount|payment|transaction)\b/],
  ['currency', /\bcurrenc\w*|\bexchange rate\b|\bconver(?:sion|t\w*)\b|\bcharged in (?:a |the )?(?:wrong|different|another|foreign)\b|\bwrong (?:amount|rate)\b|\bdcc\b|\bforeign transaction\b/],
  ['technical', /\berror\b|\bbug\w*|\bcrash\w*|\bglitch\w*|\bfroze\b|\bfrozen\b|\bstuck\b|\bspinning\b|\bkeeps? (?:loading|crashing|freezing)\b|\b(?:app|page|site|website|button|screen) (?:does not|will not|is not|did not|can not) (?:work|load|open|respond)\w*|\bsomething went wrong\b|\btime ?d? ?out\b|\bnot (?:loading|responding)\b|\bblank (?:page|screen)\b/],
];

/** The kind of trouble a message reports, or undefined. Expects normalised text (see text-features). */
export function extractErrorKind(normalised: string): ErrorKind | undefined {
  for (const [kind, pattern] of KINDS) if (pattern.test(normalised)) return kind;
  return undefined;
}
