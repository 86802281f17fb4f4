/**
 * Valid unified social credit codes (GB 32100-2015) for tests, a new one each call: a company
 * is registered once per code, so tests that register several need several.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
let serial = 0;

export function unifiedCreditCode(prefix = '91350100M'): string {
  serial += 1;
  const body = `${prefix}${String(serial).padStart(8, '0')}`;
  const sum = WEIGHTS.reduce((total, weight, i) => total + ALPHABET.indexOf(body[i]!) * weight, 0);
  return body + ALPHABET[(31 - (sum % 31)) % 31]!;
}
