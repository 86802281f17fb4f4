/**
 * Valid unified social credit codes (GB 32100-2015), a new one each call: a company is registered
 * once per code, so the tests and the demo (run again on the same data) need fresh ones. The
 * serial starts at a random number, so two processes hardly ever meet, and counts up, so one
 * process never repeats itself.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
let serial = Math.floor(Math.random() * 90_000_000);

export function unifiedCreditCode(prefix = '91350100M'): string {
  serial += 1;
  const body = `${prefix}${String(serial).padStart(8, '0')}`;
  const sum = WEIGHTS.reduce((total, weight, i) => total + ALPHABET.indexOf(body[i]!) * weight, 0);
  return body + ALPHABET[(31 - (sum % 31)) % 31]!;
}
