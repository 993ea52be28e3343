import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { looksNonEnglish } from '../src/privacy/language-hint.ts';
import { redact } from '../src/privacy/privacy-guard.ts';
const texts: string[] = [];
for (const f of readdirSync('intents')) { const d = parse(readFileSync('intents/'+f,'utf8')); const walk = (v: unknown) => { if (typeof v === 'string') texts.push(v); else if (Array.isArray(v)) v.forEach(walk); else if (v && typeof v==='object') Object.entries(v).forEach(([k,x])=> k!=='intent'&&k!=='description'&&walk(x)); }; walk(d); }
let seed = 1; const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const letters = 'abcdefghijklmnopqrstuvwxyz';
function typo(s: string): string { const a = [...s]; const n = 1 + Math.floor(rnd()*3); for (let k=0;k<n;k++){ const i = Math.floor(rnd()*a.length); const op = rnd(); if (op<0.25) a.splice(i,1); else if (op<0.5) a.splice(i,0,letters[Math.floor(rnd()*26)]!); else if (op<0.75) a[i]=letters[Math.floor(rnd()*26)]!; else if (i+1<a.length){ const t=a[i]!; a[i]=a[i+1]!; a[i+1]=t; } } return a.join(''); }
let fired = 0, total = 0, guardChanged = 0;
for (let r = 0; r < 20; r++) for (const t of texts) { const x = typo(t); total++; if (looksNonEnglish(x)) { fired++; if (fired < 30) console.log('LANG', x); } if (redact(x).text !== x) { guardChanged++; console.log('GUARD', x, '=>', redact(x).text); } }
console.log({ total, fired, guardChanged });
