/** ISO 4217 codes we recognise as written codes; ambiguous English words only count in upper case. */
const ISO_CODES = ['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'RMB', 'HKD', 'AUD', 'CAD', 'SGD', 'KRW', 'INR', 'CHF', 'NZD', 'SEK', 'NOK', 'DKK', 'MXN', 'BRL', 'RUB', 'THB', 'MYR', 'IDR', 'PHP', 'VND', 'TWD', 'ZAR', 'AED', 'SAR', 'TRY', 'PLN', 'CZK', 'HUF', 'ILS'];
const AMBIGUOUS = new Set(['TRY', 'RUB', 'PHP', 'CAD', 'SAR', 'ILS']);

/** Names, symbols and slang, matched on lower-case text; the longest, most specific first. */
const NAMES: ReadonlyArray<[RegExp, string]> = [
  [/\bhk ?\$|\bhong ?kong dollars?\b/, 'HKD'],
  [/\bs ?\$(?=\s?\d)|\bsingapore(?:an)? dollars?\b/, 'SGD'],
  [/\ba ?\$(?=\s?\d)|\baustralian dollars?\b|\baussie dollars?\b/, 'AUD'],
  [/\bc ?\$(?=\s?\d)|\bcanadian dollars?\b/, 'CAD'],
  [/\bnz ?\$(?=\s?\d)|\bnew zealand dollars?\b/, 'NZD'],
  [/\bnt ?\$|\btaiwan(?:ese)? dollars?\b/, 'TWD'],
  [/\bus ?\$|\bu\.?s\.? dollars?\b|\bamerican dollars?\b/, 'USD'],
  [/\byuan\b|\brenminbi\b|\brmb\b|\bcny\b|\bchinese (?:money|currency)\b|元|人民币/, 'CNY'],
  [/\byen\b|\bjapanese yen\b/, 'JPY'],
  [/€|\beuros?\b/, 'EUR'],
  [/£|\bpounds? sterling\b|\bpounds\b|\bquid\b|\bsterling\b/, 'GBP'],
  [/₹|\brupees?\b/, 'INR'],
  [/₩|\bkorean won\b/, 'KRW'],
  [/\bswiss francs?\b/, 'CHF'],
  [/\broubles?\b|\brubles?\b/, 'RUB'],
  [/\bbaht\b/, 'THB'],
  [/\bringgit\b/, 'MYR'],
  [/\bpesos?\b/, 'MXN'],
  [/\breais\b|\breal brasileiro\b/, 'BRL'],
  [/\bzloty\b/, 'PLN'],
  [/¥/, 'CNY'],
  [/\$|\bdollars?\b|\bbucks\b/, 'USD'],
];

/** The ISO 4217 code of the currency a message names ($, USD, dollars, €, yuan, RMB…), or undefined. */
export function extractCurrency(text: string): string | undefined {
  const codes = text.match(/\b[A-Za-z]{3}\b/g) ?? [];
  for (const word of codes) {
    const upper = word.toUpperCase();
    if (!ISO_CODES.includes(upper)) continue;
    if (AMBIGUOUS.has(upper) && word !== upper) continue;
    return upper === 'RMB' ? 'CNY' : upper;
  }
  const lower = text.toLowerCase();
  for (const [pattern, code] of NAMES) if (pattern.test(lower)) return code;
  return undefined;
}
