import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { redact } from '/work/main/src/privacy/privacy-guard.ts';
import { looksNonEnglish } from '/work/main/src/privacy/language-hint.ts';
const texts: string[] = [];
for (const f of readdirSync('/work/main/intents')) {
  const d = parse(readFileSync('/work/main/intents/'+f,'utf8'));
  const walk = (v: unknown) => { if (typeof v === 'string') texts.push(v); else if (Array.isArray(v)) v.forEach(walk); else if (v && typeof v==='object') Object.entries(v).forEach(([k,x])=> k!=='intent'&&k!=='description'&&walk(x)); };
  walk(d);
}
for (const f of ['/work/shared/guides/alipay-on-alibaba-payment-guide.txt','/work/shared/guides/international-credit-card-with-alipay.txt']) texts.push(...readFileSync(f,'utf8').split(/(?<=[.!?])\s+/));
console.log('texts', texts.length);
for (const t of texts) { const r = redact(t); if (r.text !== t) console.log('GUARD', JSON.stringify(t), '=>', r.text); if (looksNonEnglish(t)) console.log('LANG', JSON.stringify(t)); }
