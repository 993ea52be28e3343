/** A thread's name from what the person asked (already redacted by the core). */
export function threadNameFrom(text: string | undefined, fallback = 'Alipay help'): string {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!clean) return fallback;
  return clean.length <= 80 ? clean : `${clean.slice(0, 79)}…`;
}
