import { publishedBy } from '@cogov/context-kit/testing/published-by';
import { pointsBankOutbound } from './outbound';

const publish = publishedBy(pointsBankOutbound);

describe('what the points bank publishes', () => {
  it('a redemption, keyed by the account, within its contract', () => {
    expect(
      publish({
        type: 'PointsRedeemed',
        data: {
          personId: 'p-1',
          redemptionId: 'r-1',
          communityId: 'c-1',
          streetId: 's-1',
          itemId: 'i-1',
          itemName: 'rice 5 kg',
          points: 7,
          debits: [{ streetId: 's-1', points: 7 }],
          redeemedBy: 'staff-1',
          redeemedAt: '2026-06-01T02:00:00.000Z',
        },
      }),
    ).toEqual([
      {
        type: 'points-bank.points-redeemed',
        version: 1,
        key: 'p-1',
        data: {
          redemptionId: 'r-1',
          personId: 'p-1',
          communityId: 'c-1',
          streetId: 's-1',
          itemId: 'i-1',
          itemName: 'rice 5 kg',
          points: 7,
          debits: [{ streetId: 's-1', points: 7 }],
          redeemedAt: '2026-06-01T02:00:00.000Z',
        },
        violations: [],
      },
    ]);
  });

  it('earnings, corrections, standards and catalogues stay here', () => {
    expect(
      publish({
        type: 'ItemAdded',
        data: {
          communityId: 'c',
          itemId: 'i',
          name: 'n',
          points: 1,
          addedBy: 'a',
          addedAt: '2026-01-01T00:00:00.000Z',
        },
      }),
    ).toEqual([]);
  });
});
