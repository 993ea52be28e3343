import type { PrivacyGuard } from '../core/ports.js';

// PLACEHOLDER (issue 9 replaces this with the full guard): long digit runs only.
export function createPrivacyGuard(): PrivacyGuard {
  return {
    redact(text) {
      const findings: string[] = [];
      const out = text.replace(/\b(?:\d[ -]?){13,19}\b/g, () => {
        findings.push('card_number');
        return '[card number]';
      });
      return { text: out, findings };
    },
  };
}
