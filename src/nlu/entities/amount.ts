const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(k|thousand)?`;
const SYMBOL = String.raw`(?:[$€£¥₹₩]|\b(?:us|hk|nz|nt|[asc])\$)`;
const CODES = 'usd|eur|gbp|jpy|cny|rmb|hkd|aud|cad|sgd|krw|inr|chf|nzd|sek|nok|dkk|mxn|brl|thb|myr|idr|vnd|twd|zar|aed|pln';
const NAMES = 'dollars?|bucks|euros?|pounds|quid|yuan|renminbi|yen|rupees?|baht|pesos?';
const KEYWORD = String.raw`\b(?:pay|paid|paying|payment|charged?|charging|costs?|price|amount|total|spen[dt]|buy(?:ing)?|bought|purchase|order|transfer(?:red)?|send|sent|top(?:ped)? up|refund(?:ed)?|limit|worth)(?: of| for| is| was| me| to)?\s+`;

/** Most reliable first: next to a currency symbol or code, then after a money word. */
const PATTERNS: RegExp[] = [
  new RegExp(`${SYMBOL}\\s?${NUMBER}`, 'i'),
  new RegExp(`\\b(?:${CODES})\\s?${NUMBER}`, 'i'),
  new RegExp(`${NUMBER}\\s?(?:${SYMBOL}|元|\\b(?:${CODES}|${NAMES})\\b)`, 'i'),
  new RegExp(`${KEYWORD}${NUMBER}`, 'i'),
];

/** The money amount a message names ("$50", "1,200.50 EUR", "20€", "paid 300"), or undefined. */
export function extractAmount(text: string): number | undefined {
  for (const pattern of PATTERNS) {
    const match = pattern.exec(text);
    if (!match?.[1]) continue;
    const value = Number(match[1].replace(/,/g, '')) * (match[2] ? 1000 : 1);
    if (Number.isFinite(value)) return value;
  }
  return undefined;
}
