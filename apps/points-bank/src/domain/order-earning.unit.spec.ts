import { type OrderHeard, orderEarning } from './order-earning';
import { type StreetStandards } from './standards';

const standards: StreetStandards = {
  streetId: 'street-1',
  standards: [
    {
      standardId: 'huayuan',
      version: 1,
      effectiveFrom: '2026-01-01',
      orders: [{ category: 'repair', priority: 'normal', points: 10 }],
      perVolunteerHour: 5,
      perActivityKind: {},
      ratingFiveBonus: 3,
    },
    {
      standardId: 'huayuan',
      version: 2,
      effectiveFrom: '2026-07-01',
      orders: [{ category: 'repair', priority: 'normal', points: 12 }],
      perVolunteerHour: 5,
      perActivityKind: {},
      ratingFiveBonus: 3,
    },
  ],
};

const order = (over: Partial<OrderHeard> = {}): OrderHeard => ({
  orderId: 'order-1',
  placement: { communityId: 'community-1', category: 'repair' },
  priority: 'normal',
  completions: [
    { round: 1, executorKind: 'member', executorId: 'member-1', completedAt: '2026-06-30T17:00:00.000Z' },
  ],
  ratings: [{ round: 1, score: 4, reopened: false }],
  streetId: 'street-1',
  ...over,
});

describe('what a closed order earns', () => {
  it('its completer earns under the standard in force on the completion day in China', () =>
    // 17:00 UTC on 30 June is 1 July in China: version 2.
    expect(orderEarning(order(), standards)).toEqual({
      status: 'earns',
      personId: 'member-1',
      communityId: 'community-1',
      streetId: 'street-1',
      points: 12,
      standard: { standardId: 'huayuan', version: 2 },
      completedOn: '2026-07-01',
    }));

  it('a 5 adds the bonus', () =>
    expect(
      orderEarning(order({ ratings: [{ round: 1, score: 5, reopened: false }] }), standards),
    ).toMatchObject({
      points: 15,
    }));

  it('a reopened order waits: its points are withheld until it closes', () =>
    expect(
      orderEarning(order({ ratings: [{ round: 1, score: 2, reopened: true }] }), standards),
    ).toMatchObject({
      status: 'waiting',
    }));

  it('the round that closes it earns, for whoever completed that round', () =>
    expect(
      orderEarning(
        order({
          completions: [
            {
              round: 1,
              executorKind: 'member',
              executorId: 'member-1',
              completedAt: '2026-03-01T02:00:00.000Z',
            },
            {
              round: 2,
              executorKind: 'building-leader',
              executorId: 'leader-1',
              completedAt: '2026-03-03T02:00:00.000Z',
            },
          ],
          ratings: [
            { round: 1, score: 1, reopened: true },
            { round: 2, score: 4, reopened: false },
          ],
        }),
        standards,
      ),
    ).toMatchObject({ status: 'earns', personId: 'leader-1', points: 10, completedOn: '2026-03-03' }));

  it('a rating before its round’s completion is heard waits for it', () =>
    expect(orderEarning(order({ completions: [] }), standards)).toMatchObject({ status: 'waiting' }));

  it('waits for the placement, the review and the community', () => {
    expect(orderEarning(order({ placement: null }), standards)).toMatchObject({
      status: 'waiting',
      for: 'the placement',
    });
    expect(orderEarning(order({ priority: null }), standards)).toMatchObject({
      status: 'waiting',
      for: 'the review',
    });
    expect(orderEarning(order({ streetId: undefined }), null)).toMatchObject({ status: 'waiting' });
  });

  it('waits for a standard in force on the day', () =>
    expect(
      orderEarning(
        order({
          completions: [
            { round: 1, executorKind: 'member', executorId: 'm', completedAt: '2025-06-01T02:00:00.000Z' },
          ],
        }),
        standards,
      ),
    ).toMatchObject({ status: 'waiting' }));

  it('a company or a team earns no one points', () =>
    expect(
      orderEarning(
        order({
          completions: [
            {
              round: 1,
              executorKind: 'property-company',
              executorId: 'c',
              completedAt: '2026-03-01T02:00:00.000Z',
            },
          ],
        }),
        standards,
      ),
    ).toMatchObject({ status: 'earns-nothing' }));

  it('a community in no street, or a category the standard does not price, earns nothing', () => {
    expect(orderEarning(order({ streetId: null }), null)).toMatchObject({ status: 'earns-nothing' });
    expect(
      orderEarning(order({ placement: { communityId: 'community-1', category: 'safety' } }), standards),
    ).toMatchObject({ status: 'earns-nothing' });
  });
});
