import { minimumPartyShareFrom } from './minimum-party-share';

describe('the minimum Party share, from configuration', () => {
  it('is 50 % unless configured (the seeds leave it open)', () => expect(minimumPartyShareFrom({})).toBe(50));
  it('takes the configured percentage', () =>
    expect(minimumPartyShareFrom({ OWNERS_COMMITTEE_MIN_PARTY_SHARE_PERCENT: '60' })).toBe(60));
  it('refuses a value that is no percentage', () => {
    expect(() => minimumPartyShareFrom({ OWNERS_COMMITTEE_MIN_PARTY_SHARE_PERCENT: '120' })).toThrow(
      /0 to 100/,
    );
    expect(() => minimumPartyShareFrom({ OWNERS_COMMITTEE_MIN_PARTY_SHARE_PERCENT: 'half' })).toThrow(
      /0 to 100/,
    );
  });
});
