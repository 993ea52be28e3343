import { analyze } from './text-analysis.js';

/**
 * Words people use interchangeably when they ask about paying with Alipay. A query term also
 * matches the other words of its group, at a lower weight than an exact match.
 */
export const DOMAIN_SYNONYMS: readonly (readonly string[])[] = [
  ['declined', 'decline', 'failed', 'fail', 'failing', 'failure', 'rejected', 'reject', 'refused', 'refuse', 'denied', 'bounced', 'unsuccessful', 'through'],
  ['link', 'linking', 'add', 'adding', 'bind', 'attach', 'connect', 'tie', 'save'],
  ['fee', 'fees', 'charge', 'charged', 'cost', 'costs', 'commission', 'surcharge', 'cut', 'markup', 'percent', 'percentage'],
  ['verify', 'verification', 'verified', 'confirm', 'confirmation', 'authenticate', 'authentication', 'validate', 'validation', 'kyc'],
  ['code', 'otp', 'sms', 'text'],
  ['password', 'pin', 'passcode', 'passwords'],
  ['refund', 'refunded', 'reimburse', 'reimbursed', 'returned', 'back'],
  ['limit', 'limits', 'cap', 'caps', 'maximum', 'max', 'ceiling', 'quota'],
  ['signup', 'sign', 'register', 'registration', 'create', 'open', 'enroll', 'make', 'setup', 'set'],
  ['arrive', 'arriving', 'arrived', 'receive', 'received', 'receiving', 'come', 'coming', 'sent', 'deliver', 'delivered'],
  ['big', 'bigger', 'large', 'larger', 'huge', 'expensive'],
  ['increase', 'raise', 'raising', 'higher', 'lift', 'boost', 'extend', 'unlock'],
  ['phone', 'mobile', 'cellphone', 'cell'],
  ['contact', 'reach', 'call', 'email', 'talk', 'speak', 'phone'],
  ['support', 'service', 'helpdesk', 'help', 'agent', 'human', 'person', 'team'],
  // People name their bank or card provider rather than say "bank": unknown names would count as
  // rare foreign words and sink the question ("is it ok to use my wise card"). Ordinary English
  // words among bank names ("equity", "axis", "ing") are left out.
  [
    'issuer', 'bank', 'issuing', 'revolut', 'wise', 'payoneer', 'monzo', 'n26', 'nubank', 'santander', 'hsbc', 'barclays', 'chase',
    'citi', 'citibank', 'gtbank', 'ecobank', 'zenith', 'kotak', 'hdfc', 'icici', 'sbi', 'bdo', 'bpi', 'metrobank', 'maybank', 'cimb',
    'bca', 'mandiri', 'bni', 'bri', 'sparkasse', 'bbva', 'itau', 'bradesco', 'bancolombia', 'banorte', 'scotiabank', 'rbc', 'commbank',
    'westpac', 'dbs', 'ocbc', 'uob', 'garanti', 'ziraat', 'akbank', 'monobank', 'privatbank', 'mbank', 'pko', 'lloyds', 'natwest',
  ],
  ['exchange', 'conversion', 'convert', 'converted', 'currency', 'fx', 'forex', 'rate', 'rates', 'yuan', 'rmb', 'cny'],
  ['tourist', 'visitor', 'visiting', 'visit', 'traveller', 'traveler', 'travel', 'trip', 'holiday', 'vacation'],
  ['secure', 'safe', 'safety', 'security', 'protect', 'protected', 'risk', 'risky', 'danger', 'dangerous'],
  ['scam', 'scams', 'phishing', 'fraud', 'fake', 'impersonate', 'hacked', 'hacker', 'hackers', 'hack', 'hacking', 'stolen', 'unauthorized', 'unauthorised', 'compromised', 'permission'],
  ['invoice', 'invoices', 'receipt', 'proforma', 'vat', 'accounting', 'bookkeeping'],
  ['discount', 'promotion', 'promo', 'offer', 'deal', 'deals', 'cashback', 'coupon', 'voucher'],
  ['passport', 'id', 'identity', 'document', 'documents', 'identification'],
  ['error', 'glitch', 'bug', 'crash', 'crashes', 'frozen', 'freezes', 'loading', 'timeout', 'maintenance', 'down', 'fail', 'failing', 'fails'],
  ['flagged', 'flag', 'suspicious', 'blocked', 'block', 'hold', 'held', 'restricted', 'unusual', 'froze', 'frozen', 'freeze', 'stopped'],
  ['funds', 'balance', 'money', 'credit', 'enough', 'insufficient', 'wallet'],
  ['wifi', 'network', 'internet', 'connection', 'data'],
  ['public', 'hotel', 'cafe', 'airport', 'shared'],
  ['menu', 'tab', 'settings', 'section', 'option'],
  ['update', 'updates', 'upgrade', 'latest', 'version', 'outdated'],
  ['download', 'install', 'app', 'application'],
  ['expiry', 'expiration', 'expire', 'expires', 'expired'],
  ['cvv', 'cvc', 'csc'],
  ['2fa', 'two', 'factor', 'mfa'],
  ['checkout', 'pay', 'paying', 'purchase', 'buy', 'order'],
  ['screenshot', 'screen', 'capture'],
  ['abroad', 'international', 'foreign', 'overseas', 'outside', 'europe', 'european', 'american', 'america', 'usa', 'uk', 'british', 'australian', 'canadian'],
  ['accepted', 'accept', 'supported', 'support', 'work', 'works'],
  ['avoid', 'avoiding', 'dodge', 'skip', 'bypass', 'reduce', 'minimise', 'minimize', 'cheaper', 'lower'],
  ['fingerprint', 'face', 'biometric', 'biometrics', 'touch', 'faceid', 'touchid'],
  ['visa', 'mastercard', 'jcb', 'discover', 'network', 'networks'],
];

/** Stemmed term → the stemmed terms it should also match. Built once. */
export function buildSynonymMap(groups: readonly (readonly string[])[] = DOMAIN_SYNONYMS): Map<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const group of groups) {
    const stems = [...new Set(group.flatMap((w) => analyze(w)))];
    for (const s of stems) {
      const others = map.get(s) ?? new Set<string>();
      for (const o of stems) if (o !== s) others.add(o);
      map.set(s, others);
    }
  }
  return new Map([...map].map(([k, v]) => [k, [...v]]));
}
