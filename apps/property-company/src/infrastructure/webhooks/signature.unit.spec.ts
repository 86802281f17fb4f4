import { createHmac } from 'node:crypto';
import { hasValidSignature, signatureOf } from './signature';

/** The scheme of docs/security.md: `v1=` and the hex HMAC-SHA256 of `${timestamp}.${body}`. */
describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = '{"type":"residents-committee.order-dispatched"}';

  it('sign as documented', () =>
    expect(signatureOf(secret, 1_700_000_000, body)).toBe(
      `v1=${createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex')}`,
    ));

  it('verify what was signed, and nothing altered', () => {
    const given = signatureOf(secret, 1_700_000_000, body);
    expect(hasValidSignature(secret, '1700000000', body, given)).toBe(true);
    expect(hasValidSignature(secret, '1700000001', body, given)).toBe(false);
    expect(hasValidSignature(secret, '1700000000', `${body} `, given)).toBe(false);
    expect(hasValidSignature('whsec_other', '1700000000', body, given)).toBe(false);
    expect(hasValidSignature(secret, '1700000000', body, 'v1=short')).toBe(false);
    expect(hasValidSignature(secret, 'soon', body, given)).toBe(false);
  });
});
