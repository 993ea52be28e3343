/** The Luhn checksum every payment card number carries (ISO/IEC 7812). `digits` holds 0-9 only. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * The Luhn sums of `digits` (0-9 only) mod 10, as the start of a longer number: [0] when an even
 * number of digits follows them (or none: the usual sum), [1] when an odd number does. Enough to
 * check "these digits + more" later without keeping these digits (split-card-memory.ts).
 */
export function luhnSums(digits: string): [number, number] {
  const sums: [number, number] = [0, 0];
  for (let i = digits.length - 1, k = 0; i >= 0; i--, k++) {
    const d = digits.charCodeAt(i) - 48;
    const doubled = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sums[0] += k % 2 === 1 ? doubled : d;
    sums[1] += k % 2 === 0 ? doubled : d;
  }
  return [sums[0] % 10, sums[1] % 10];
}
