/**
 * People name their bank by its letters ("and CRDB? they charge for dollar payments?", "KBZ",
 * "BIAT"): an unknown word to the search, so the question loses its subject and "charge… dollar"
 * reads as the card check. A word typed in capitals, two to six letters, that is not a currency, a
 * common abbreviation or a word of ours, is read as "bank" too.
 */
const NOT_BANKS = new Set([
  // currencies
  'USD', 'EUR', 'CNY', 'RMB', 'GBP', 'JPY', 'INR', 'AUD', 'CAD', 'CHF', 'HKD', 'SGD', 'AED', 'SAR', 'KRW', 'BRL', 'MXN', 'ZAR', 'NGN',
  'KES', 'PHP', 'IDR', 'MYR', 'THB', 'VND', 'PKR', 'BDT', 'EGP', 'TRY', 'PLN', 'UAH', 'RUB', 'KZT', 'COP', 'CLP', 'ARS', 'PEN', 'NZD',
  // what people abbreviate in these chats
  'SMS', 'OTP', 'CVV', 'CVC', 'PIN', 'ID', 'PDF', 'ATM', 'UK', 'US', 'USA', 'EU', 'UAE', 'VAT', 'KYC', 'FAQ', 'APP', 'OK', 'TT', 'DHL',
  'UPS', 'FEDEX', 'EMS', 'QR', 'NFC', 'IOS', 'VPN', 'IBAN', 'SWIFT', 'BIN', 'CEO', 'PO', 'DCC', 'FA', 'DS', 'HK', 'PRC', 'MOQ', 'FOB',
  'CIF', 'EXW', 'DDP', 'LLC', 'LTD', 'ASAP', 'LOL', 'OMG', 'PLS', 'PLZ', 'THX', 'AM', 'PM', 'IT', 'NO', 'YES', 'WIFI', 'SIM', 'GPS',
  'URL', 'WWW', 'COM', 'HELP', 'PLEASE', 'URGENT', 'NOT', 'AND', 'THE', 'BUT', 'WHY', 'HOW', 'WHAT', 'VISA', 'JCB', 'AMEX',
  'MC', 'KG', 'PCS', 'CN', 'HI', 'OR', 'TO', 'MY', 'ME', 'IS', 'IN', 'ON', 'AT', 'OF', 'SO', 'IF', 'BY', 'WE', 'HE', 'BE', 'DO', 'GO',
  'UP', 'AN', 'AS', 'AI', 'TV', 'PC', 'TXT', 'BTW', 'IMO', 'FYI', 'ETA', 'DM', 'NFT', 'BTC', 'ETH', 'USDT', 'GCASH', 'MPESA',
]);

const CAPITALS = /\b[A-Z]{2,6}\b/g;

/** The query with "bank" after each word that looks like a bank's letters; unchanged otherwise. */
export function withBankAcronyms(query: string): string {
  // A message typed all in capitals says nothing by its capitals.
  const letters = query.replace(/[^A-Za-z]/g, '');
  if (letters.length > 0 && letters === letters.toUpperCase()) return query;
  const found = (query.match(CAPITALS) ?? []).filter((w) => !NOT_BANKS.has(w));
  return found.length > 0 ? `${query} ${found.map(() => 'bank').join(' ')}` : query;
}
