import { maskName, maskPhone, seesPersonalData } from './personal-data';
import type { Principal } from './principal';

const principal = (personId: string, roles: Principal['roles']): Principal => ({
  personId,
  roles,
  streets: [],
  communities: [],
  compounds: [],
  via: 'token',
});

describe('personal data', () => {
  it('masks a mobile number to its first three and last four digits', () =>
    expect(maskPhone('13812341234')).toBe('138****1234'));
  it('masks a short number entirely', () => expect(maskPhone('110')).toBe('****'));
  it('keeps only the first character of a name, Chinese or not', () => {
    expect(maskName('王小芳')).toBe('王**');
    expect(maskName('Li')).toBe('L*');
  });
  it('shows full data to the roles that need it and to the person themself only', () => {
    expect(seesPersonalData(principal('s', ['service-station-staff']), 'r1')).toBe(true);
    expect(seesPersonalData(principal('r1', ['resident']), 'r1')).toBe(true);
    expect(seesPersonalData(principal('m', ['party-member']), 'r1')).toBe(false);
    expect(seesPersonalData(principal('a', ['auditor']), 'r1')).toBe(false);
  });
});
