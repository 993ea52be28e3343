import { analyze } from './text-analysis.js';

/**
 * Words that show a question is about paying with Alipay at all. A question with none of them
 * ("what time is it in Beijing", "write me a poem") gets no answer, however many everyday words
 * it shares with some section ("time", "people", "live").
 */
export const DOMAIN_TERMS: readonly string[] = [
  // the services and the people involved
  'alipay', 'alibaba', 'taobao', 'ant', 'contact', 'service', 'agent', 'human', 'seller', 'sellers', 'supplier', 'suppliers', 'merchant', 'bank', 'issuer', 'support', 'customer',
  // cards and money
  'card', 'cards', 'visa', 'mastercard', 'jcb', 'discover', 'amex', 'unionpay', 'diners', 'maestro', 'accepted', 'credit', 'debit', 'virtual', 'prepaid', 'cvv', 'cvc', 'expiry',
  'billing', 'money', 'funds', 'balance', 'wallet', 'transfer', 'top', 'topup', 'dollar', 'dollars', 'yuan', 'rmb', 'cny', 'usd', 'currency',
  'exchange', 'rate', 'rates', 'conversion', 'fee', 'fees', 'charge', 'charged', 'charges', 'cost', 'costs', 'price', 'refund', 'refunded',
  'cashback', 'discount', 'discounts', 'promotion', 'promotions', 'promo', 'coupon', 'voucher', 'offer', 'offers', 'invoice', 'invoices',
  'proforma', 'receipt', 'receipts', 'accounting', 'hongbao', 'envelope', 'envelopes', 'statement', 'statements', 'history',
  'bill', 'bills', 'shipping', 'address', 'redirect', 'redirected',
  // paying
  'pay', 'paying', 'paid', 'payment', 'payments', 'checkout', 'order', 'orders', 'purchase', 'purchases', 'buy', 'buying', 'shopping',
  'transaction', 'transactions', 'declined', 'decline', 'rejected', 'refused', 'failed', 'bounced', 'pending', 'limit', 'limits', 'cap',
  'maximum', 'flagged', 'suspicious', 'blocked',
  // the account and the app
  'account', 'sign', 'signup', 'register', 'registration', 'login', 'log', 'password', 'passcode', 'pin', 'code', 'otp', 'sms',
  'verify', 'verification', 'verified', 'authenticate', 'authentication', 'authorize', 'authorise', 'identity', 'passport', 'id', 'kyc',
  'document', 'documents', 'phone', 'mobile', 'number', 'email', 'message', 'app', 'download', 'install', 'update', 'version', 'link', 'linking', 'linked', 'bind', 'add', 'adding', 'added',
  'biometric', 'fingerprint', 'face', 'error', 'glitch', 'crash', 'maintenance', 'cache', 'screenshot', 'notification', 'notifications',
  // safety
  'secure', 'security', 'safe', 'safety', 'wifi', 'network', 'scam', 'scams', 'phishing', 'fraud', 'hacked', 'stolen', 'unauthorized',
  'unauthorised', '2fa', 'mfa', 'factor',
  // visiting China
  'tour', 'pass', 'tourist', 'tourists', 'visitor', 'visitors', 'travel', 'travelling', 'traveling', 'trip', 'china', 'chinese', 'foreign',
  'foreigner', 'international', 'abroad', 'overseas',
];

/** The stems of DOMAIN_TERMS, for a quick "is this our topic at all" check. */
export function buildDomainStems(terms: readonly string[] = DOMAIN_TERMS): Set<string> {
  return new Set(terms.flatMap((t) => analyze(t)));
}
