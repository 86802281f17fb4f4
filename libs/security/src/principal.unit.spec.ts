import type { Principal } from './principal';
import { inScope, visibleScope } from './principal';

const principal = (overrides: Partial<Principal>): Principal => ({
  personId: 'p-1',
  roles: ['residents-committee-staff'],
  streets: [],
  communities: [],
  compounds: [],
  via: 'token',
  ...overrides,
});

describe('the caller’s visible scope', () => {
  it('a platform admin sees everywhere, whatever scope claims the token carries', () =>
    expect(visibleScope(principal({ roles: ['platform-admin'], communities: ['c-1'] }))).toBe('everywhere'));

  it('anyone else sees their communities and compounds, and nothing when they have none', () => {
    expect(visibleScope(principal({ communities: ['c-1'], compounds: ['k-1'] }))).toEqual({
      communityIds: ['c-1'],
      compoundIds: ['k-1'],
      companyIds: [],
    });
    expect(visibleScope(principal({ roles: ['auditor'] }))).toEqual({
      communityIds: [],
      compoundIds: [],
      companyIds: [],
    });
  });

  it('property staff and a partner system also see what concerns their companies', () => {
    expect(visibleScope(principal({ roles: ['property-staff'], companies: ['co-1', 'co-2'] }))).toEqual({
      communityIds: [],
      compoundIds: [],
      companyIds: ['co-1', 'co-2'],
    });
    expect(
      visibleScope(principal({ roles: ['partner-system'], companyId: 'co-1', via: 'api-key' })),
    ).toMatchObject({ companyIds: ['co-1'] });
  });

  it('agrees with the single-resource check', () => {
    const staff = principal({ compounds: ['k-1'] });
    const scope = visibleScope(staff);
    expect(scope !== 'everywhere' && scope.compoundIds.includes('k-2')).toBe(
      inScope(staff, { communityId: null, compoundId: 'k-2' }),
    );
  });
});

describe('a property company’s resources', () => {
  const company = { communityId: null, compoundId: null, companyId: 'co-1' };
  it('are in scope for its staff and its partner key, not for another company’s', () => {
    expect(inScope(principal({ roles: ['property-staff'], companies: ['co-1'] }), company)).toBe(true);
    expect(
      inScope(principal({ roles: ['partner-system'], companyId: 'co-1', via: 'api-key' }), company),
    ).toBe(true);
    expect(inScope(principal({ roles: ['property-staff'], companies: ['co-2'] }), company)).toBe(false);
  });
});

describe('a street’s resources', () => {
  const inStreet = { communityId: 'c-1', compoundId: null, streetId: 's-1' };
  it('are in scope for a caller scoped to that street, not for one scoped to another', () => {
    expect(inScope(principal({ streets: ['s-1'] }), inStreet)).toBe(true);
    expect(inScope(principal({ streets: ['s-2'] }), inStreet)).toBe(false);
  });

  it('a street claim does not reach a resource whose street is unknown', () =>
    expect(inScope(principal({ streets: ['s-1'] }), { communityId: 'c-1', compoundId: null })).toBe(false));
});
