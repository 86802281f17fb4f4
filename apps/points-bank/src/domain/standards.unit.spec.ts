import { InvalidInput, RuleViolation } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  activityPoints,
  orderPoints,
  type PointsStandard,
  standardInForce,
  type StreetStandardsEvent,
  streetStandardsDecider,
} from './standards';

const given = deciderSpecification(streetStandardsDecider);
const STREET = 'street-1';
const NOW = '2026-01-01T00:00:00.000Z';

const standard = (over: Partial<PointsStandard> = {}): PointsStandard => ({
  standardId: 'huayuan',
  version: 1,
  effectiveFrom: '2026-01-01',
  orders: [
    { category: 'repair', priority: 'normal', points: 10 },
    { category: 'repair', priority: 'urgent', points: 20 },
  ],
  perVolunteerHour: 5,
  perActivityKind: { 'elderly-care': 8 },
  ratingFiveBonus: 3,
  ...over,
});
const publish = (over: Partial<PointsStandard> = {}) => ({
  type: 'PublishStandard' as const,
  data: { streetId: STREET, standard: standard(over), publishedBy: 'staff-1', now: NOW },
});
const published = (over: Partial<PointsStandard> = {}): StreetStandardsEvent => ({
  type: 'StandardPublished',
  data: { streetId: STREET, standard: standard(over), publishedBy: 'staff-1', publishedAt: NOW },
});

describe('a street’s points standards', () => {
  it('a first version is published', () => given([]).when(publish()).then([published()]));

  it('a higher version of the standard is published', () =>
    given([published()])
      .when(publish({ version: 2, effectiveFrom: '2026-07-01' }))
      .then([published({ version: 2, effectiveFrom: '2026-07-01' })]));

  it('a version not above the last is refused', () =>
    given([published({ version: 2 })])
      .when(publish({ version: 2, effectiveFrom: '2026-07-01' }))
      .thenThrows(RuleViolation, /must be higher/));

  it('a later version may not take effect before the earlier one', () =>
    given([published({ effectiveFrom: '2026-07-01' })])
      .when(publish({ version: 2, effectiveFrom: '2026-03-01' }))
      .thenThrows(RuleViolation, /cannot take effect before/));

  it('two standards may not take effect on one day in one street', () =>
    given([published()])
      .when(publish({ standardId: 'other' }))
      .thenThrows(RuleViolation, /already takes effect on 2026-01-01/));

  it('another standard’s versions are numbered on their own', () =>
    given([published({ version: 3 })])
      .when(publish({ standardId: 'other', version: 1, effectiveFrom: '2026-02-01' }))
      .then([published({ standardId: 'other', version: 1, effectiveFrom: '2026-02-01' })]));

  it('a day that does not exist is refused', () =>
    given([])
      .when(publish({ effectiveFrom: '2026-02-30' }))
      .thenThrows(InvalidInput, /not a day/));

  it('one category and priority priced twice is refused', () =>
    given([])
      .when(
        publish({
          orders: [
            { category: 'repair', priority: 'normal', points: 1 },
            { category: 'repair', priority: 'normal', points: 2 },
          ],
        }),
      )
      .thenThrows(InvalidInput, /priced twice/));

  it('an activity kind that does not exist is refused', () =>
    given([])
      .when(publish({ perActivityKind: { dancing: 3 } as PointsStandard['perActivityKind'] }))
      .thenThrows(InvalidInput, /not a volunteer activity kind/));

  it('fractions of points are refused', () =>
    given([])
      .when(publish({ perVolunteerHour: 1.5 }))
      .thenThrows(InvalidInput));

  describe('in force on a day', () => {
    const state = [
      published({ effectiveFrom: '2026-01-01' }),
      published({ version: 2, effectiveFrom: '2026-07-01' }),
    ].reduce(streetStandardsDecider.evolve, streetStandardsDecider.initialState());

    it('none before the first', () => expect(standardInForce(state, '2025-12-31')).toBeNull());
    it('the first from its day', () => expect(standardInForce(state, '2026-01-01')?.version).toBe(1));
    it('the latest effectiveFrom on or before the day', () => {
      expect(standardInForce(state, '2026-06-30')?.version).toBe(1);
      expect(standardInForce(state, '2026-07-01')?.version).toBe(2);
    });
  });

  describe('what work earns', () => {
    it('an order its category and priority’s points, and the bonus for a 5', () => {
      expect(orderPoints(standard(), { category: 'repair', priority: 'urgent', score: 4 })).toBe(20);
      expect(orderPoints(standard(), { category: 'repair', priority: 'urgent', score: 5 })).toBe(23);
    });
    it('an order the standard does not price: nothing known', () =>
      expect(orderPoints(standard(), { category: 'safety', priority: 'normal', score: 5 })).toBeNull());
    it('an activity its hours × per-hour, rounded, and its kind’s points', () => {
      expect(activityPoints(standard(), { kind: 'elderly-care', hours: 2.5 })).toBe(13 + 8);
      expect(activityPoints(standard(), { kind: 'culture', hours: 2 })).toBe(10);
    });
  });
});
