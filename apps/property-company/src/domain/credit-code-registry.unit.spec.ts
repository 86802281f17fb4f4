import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  type CreditCodeEvent,
  UnifiedCreditCodeTaken,
  creditCodeRegistryDecider,
  reservationHasLapsed,
} from './credit-code-registry';
import { companyDecider } from './company';

const given = deciderSpecification(creditCodeRegistryDecider);
const CODE = '91350100M000100Y43';
const NOW = '2026-12-01T08:00:00.000Z';
const reserve = (companyId: string, holderAbandoned = false) => ({
  type: 'ReserveCode' as const,
  data: { unifiedCreditCode: CODE, companyId, holderAbandoned, now: NOW },
});
const reserved = (companyId: string): CreditCodeEvent => ({
  type: 'CodeReserved',
  data: { unifiedCreditCode: CODE, companyId, reservedAt: NOW },
});
const released = (companyId: string): CreditCodeEvent => ({
  type: 'CodeReleased',
  data: { unifiedCreditCode: CODE, companyId, releasedAt: NOW },
});

describe('one company per unified social credit code', () => {
  it('a free code is reserved', () =>
    given([])
      .when(reserve('p1'))
      .then([reserved('p1')]));

  it('a code held by another company is refused, naming it', () =>
    given([reserved('p1')])
      .when(reserve('p2'))
      .thenThrows(UnifiedCreditCodeTaken, /p1/, { unifiedCreditCode: CODE, companyId: 'p1' }));

  it('the same company reserving again is a retry', () =>
    given([reserved('p1')])
      .when(reserve('p1'))
      .thenNothingHappens());

  it('a holder whose registration was abandoned gives the code way', () =>
    given([reserved('p1')])
      .when(reserve('p2', true))
      .then([released('p1'), reserved('p2')]));

  it('a released code is free again; releasing another’s reservation does nothing', () => {
    given([reserved('p1'), released('p1')])
      .when(reserve('p2'))
      .then([reserved('p2')]);
    given([reserved('p1')])
      .when({ type: 'ReleaseCode', data: { unifiedCreditCode: CODE, companyId: 'p2', now: NOW } })
      .thenNothingHappens();
  });

  it('a reservation lapses after 30 s', () => {
    expect(reservationHasLapsed({ reservedAt: NOW }, '2026-12-01T08:00:29.999Z')).toBe(false);
    expect(reservationHasLapsed({ reservedAt: NOW }, '2026-12-01T08:00:30.000Z')).toBe(true);
  });
});

describe('abandoning a registration that never happened', () => {
  const company = deciderSpecification(companyDecider);
  const abandon = { type: 'AbandonRegistration' as const, data: { companyId: 'p1', now: NOW } };

  it('is recorded while the company was never registered, once', () => {
    company([])
      .when(abandon)
      .then([{ type: 'RegistrationAbandoned', data: { companyId: 'p1', abandonedAt: NOW } }]);
    company([{ type: 'RegistrationAbandoned', data: { companyId: 'p1', abandonedAt: NOW } }])
      .when(abandon)
      .thenNothingHappens();
  });

  it('forbids registering the company ever after', () =>
    company([{ type: 'RegistrationAbandoned', data: { companyId: 'p1', abandonedAt: NOW } }])
      .when({
        type: 'RegisterCompany',
        data: {
          companyId: 'p1',
          name: 'N',
          unifiedCreditCode: CODE,
          staffCount: 1,
          fullPartyMemberCount: 0,
          thresholds: { partyOrganizationFromMembers: 3, partyMembersFromStaff: 50 },
          now: NOW,
        },
      })
      .thenThrows(Error, /abandoned/));

  it('does nothing to a registered company', () =>
    company([
      {
        type: 'CompanyRegistered',
        data: {
          companyId: 'p1',
          name: 'N',
          unifiedCreditCode: CODE,
          staffCount: 1,
          fullPartyMemberCount: 0,
          registeredAt: NOW,
        },
      },
    ])
      .when(abandon)
      .thenNothingHappens());
});
