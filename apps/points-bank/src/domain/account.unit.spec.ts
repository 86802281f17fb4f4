import { InvalidInput, NotFound, RuleViolation } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import { type AccountCommand, type AccountEvent, accountDecider, totalOf } from './account';

const given = deciderSpecification(accountDecider);
const PERSON = 'person-1';
const STREET_A = 'street-a';
const STREET_B = 'street-b';
const STREET_C = 'street-c';
const NOW = '2026-06-01T02:00:00.000Z';
const HUAYUAN = { standardId: 'huayuan', version: 1 };
const OTHER = { standardId: 'other', version: 1 };

type Earn = Extract<AccountCommand, { type: 'EarnPoints' }>['data'];
type Redeem = Extract<AccountCommand, { type: 'RedeemPoints' }>['data'];
type Correct = Extract<AccountCommand, { type: 'CorrectPoints' }>['data'];

const earn = (over: Partial<Earn> = {}): AccountCommand => ({
  type: 'EarnPoints',
  data: {
    personId: PERSON,
    cause: { kind: 'order', id: 'order-1' },
    communityId: 'community-a1',
    streetId: STREET_A,
    points: 10,
    standard: HUAYUAN,
    earnedOn: '2026-05-31',
    now: NOW,
    ...over,
  },
});
const earned = (over: Partial<Earn> = {}): AccountEvent => {
  const d = (earn(over) as Extract<AccountCommand, { type: 'EarnPoints' }>).data;
  return {
    type: 'PointsEarned',
    data: {
      personId: d.personId,
      entryId: `${d.cause.kind}:${d.cause.id}`,
      cause: d.cause,
      communityId: d.communityId,
      streetId: d.streetId,
      points: d.points,
      standard: d.standard,
      earnedOn: d.earnedOn,
      earnedAt: d.now,
    },
  };
};
const redeem = (over: Partial<Redeem> = {}): AccountCommand => ({
  type: 'RedeemPoints',
  data: {
    personId: PERSON,
    redemptionId: 'redemption-1',
    communityId: 'community-a2',
    streetId: STREET_A,
    item: { itemId: 'item-1', name: 'rice 5 kg', points: 7 },
    standardsToday: { [STREET_A]: HUAYUAN, [STREET_B]: HUAYUAN, [STREET_C]: OTHER },
    redeemedBy: 'station-staff',
    now: NOW,
    ...over,
  },
});
const correct = (over: Partial<Correct> = {}): AccountCommand => ({
  type: 'CorrectPoints',
  data: {
    personId: PERSON,
    correctionId: 'correction-1',
    streetId: STREET_A,
    communityId: 'community-a1',
    points: 5,
    reason: 'an activity entered on paper',
    correctedBy: 'staff-1',
    now: NOW,
    ...over,
  },
});

describe('a points account', () => {
  describe('earning', () => {
    it('the first earning opens the account in the street’s deposit', () =>
      given([]).when(earn()).then([earned()]));

    it('a cause earns once, however often its facts arrive', () =>
      given([earned()]).when(earn()).thenNothingHappens());

    it('the same id of another kind is another cause', () =>
      given([earned()])
        .when(earn({ cause: { kind: 'activity', id: 'order-1' } }))
        .then([earned({ cause: { kind: 'activity', id: 'order-1' } })]));

    it('nothing to earn writes no entry', () =>
      given([])
        .when(earn({ points: 0 }))
        .thenNothingHappens());

    it('negative earnings are refused', () =>
      given([])
        .when(earn({ points: -1 }))
        .thenThrows(InvalidInput));

    it('deposits are kept per street', () => {
      const state = [
        earned(),
        earned({ cause: { kind: 'order', id: 'o-2' }, streetId: STREET_B, points: 4 }),
      ].reduce(accountDecider.evolve, accountDecider.initialState());
      expect(state.status === 'open' && state.deposits).toEqual({ [STREET_A]: 10, [STREET_B]: 4 });
      expect(totalOf(state)).toBe(14);
    });
  });

  describe('redeeming', () => {
    it('takes the price from the station’s street', () =>
      given([earned()])
        .when(redeem())
        .thenMatches([
          { type: 'PointsRedeemed', data: { points: 7, debits: [{ streetId: STREET_A, points: 7 }] } },
        ]));

    it('a person without an account has nothing to redeem', () =>
      given([]).when(redeem()).thenThrows(NotFound));

    it('is refused when the balance does not cover the price', () =>
      given([earned({ points: 6 })])
        .when(redeem())
        .thenThrows(RuleViolation, /has 6 points redeemable/, {
          reason: 'insufficient-points',
          redeemable: 6,
          price: 7,
        }));

    it('the last points go once: the second redemption of them is refused', () => {
      const first = accountDecider.decide(
        redeem(),
        [earned({ points: 7 })].reduce(accountDecider.evolve, accountDecider.initialState()),
      );
      given([earned({ points: 7 }), ...first])
        .when(redeem({ redemptionId: 'redemption-2' }))
        .thenThrows(RuleViolation, /has 0 points/);
    });

    it('counts another street’s deposit when both keep the same standard today (通存通兑)', () =>
      given([
        earned({ points: 3 }),
        earned({ cause: { kind: 'order', id: 'o-2' }, streetId: STREET_B, points: 5 }),
      ])
        .when(redeem())
        .thenMatches([
          {
            type: 'PointsRedeemed',
            data: {
              debits: [
                { streetId: STREET_A, points: 3 },
                { streetId: STREET_B, points: 4 },
              ],
            },
          },
        ]));

    it('refuses another street’s deposit under another standard, naming both streets', () =>
      given([
        earned({ points: 3 }),
        earned({ cause: { kind: 'order', id: 'o-2' }, streetId: STREET_C, points: 5 }),
      ])
        .when(redeem())
        .thenThrows(
          RuleViolation,
          /street street-c cannot be redeemed in street street-a.*通存通兑 beyond the street/,
          {
            reason: 'standards-differ',
            streetIds: [STREET_A, STREET_C],
            redeemable: 3,
            price: 7,
          },
        ));

    it('a street with no standard in force today shares with none', () =>
      given([earned({ points: 10, streetId: STREET_B })])
        .when(redeem({ standardsToday: { [STREET_A]: null, [STREET_B]: null } }))
        .thenThrows(RuleViolation, /standards in force today differ/));

    it('a version apart is another standard', () =>
      given([earned({ points: 10, streetId: STREET_B })])
        .when(
          redeem({
            standardsToday: { [STREET_A]: HUAYUAN, [STREET_B]: { standardId: 'huayuan', version: 2 } },
          }),
        )
        .thenThrows(RuleViolation, /differ/));
  });

  describe('correcting', () => {
    it('opens the account with a reasoned entry', () =>
      given([])
        .when(correct())
        .then([
          {
            type: 'PointsCorrected',
            data: {
              personId: PERSON,
              correctionId: 'correction-1',
              streetId: STREET_A,
              communityId: 'community-a1',
              points: 5,
              reason: 'an activity entered on paper',
              correctedBy: 'staff-1',
              correctedAt: NOW,
            },
          },
        ]));

    it('may take points back down to zero', () =>
      given([earned()])
        .when(correct({ points: -10 }))
        .thenMatches([{ type: 'PointsCorrected', data: { points: -10 } }]));

    it('never below zero', () =>
      given([earned()])
        .when(correct({ points: -11 }))
        .thenThrows(RuleViolation, /below zero/, { reason: 'below-zero', balance: 10, points: -11 }));

    it('counts only the named street’s deposit', () =>
      given([earned()])
        .when(correct({ points: -1, streetId: STREET_B }))
        .thenThrows(RuleViolation, /below zero/));

    it('nobody corrects their own account', () =>
      given([])
        .when(correct({ correctedBy: PERSON }))
        .thenThrows(RuleViolation, /their own/));

    it('needs a reason', () =>
      given([])
        .when(correct({ reason: '  ' }))
        .thenThrows(InvalidInput, /reason/));

    it('is never of zero points', () =>
      given([])
        .when(correct({ points: 0 }))
        .thenThrows(InvalidInput));
  });
});
