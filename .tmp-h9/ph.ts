import { loadClassifier } from '../src/nlu/load-classifier.ts';
const nlu = await loadClassifier();
const sents = ['my card X was declined, cvv Y', 'payment failed with card X exp Z cvv Y', 'i entered the code C but it says wrong', 'my password is P and i cannot log in', 'how do i link my visa X', 'the verification code C did not arrive', 'card X declined insufficient funds', 'my passport number Q is rejected in verification'];
const styles: Record<string, Record<string,string>> = {
  words: { X: '[card number]', Y: '[security code]', Z: '[expiry date]', C: '[code]', P: '[password]', Q: '[passport number]' },
  short: { X: '[card number]', Y: '[cvv]', Z: '[expiry]', C: '[code]', P: '[password]', Q: '[passport number]' },
  none: { X: '', Y: '', Z: '', C: '', P: '', Q: '' },
};
for (const s of sents) { const row = Object.entries(styles).map(([k, m]) => { const t = s.replace(/\b[XYZCPQ]\b/g, (x) => m[x]!); const r = nlu.parse(t); return `${k}:${r.intent}(${r.confidence.toFixed(2)})`; }); console.log(s.padEnd(50), row.join('  ')); }
