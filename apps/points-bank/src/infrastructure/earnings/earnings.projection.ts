import { inCategory } from '@cogov/context-kit';
import { rowPerKeyProjection } from '@cogov/projections';
import type { AccountEvent } from '../../domain/account';
import { accountAggregate } from '../aggregates';
import { EarningRow } from './earning.entity';

type Earned = Extract<AccountEvent, { type: 'PointsEarned' }>;

/** Every earning, one row each: the leaderboards sum what people earned, not what they hold. */
export const earningsProjection = rowPerKeyProjection<EarningRow>({
  name: 'points-bank.earnings',
  version: 1,
  entity: EarningRow,
  key: 'eventId',
  handles: (event) => inCategory(accountAggregate, event.streamId) && event.type === 'PointsEarned',
  keyOf: (event) => event.eventId,
  evolve: (_row, event) => {
    const d = event.data as Earned['data'];
    return Object.assign(new EarningRow(), {
      eventId: event.eventId,
      personId: d.personId,
      kind: d.cause.kind,
      causeId: d.cause.id,
      communityId: d.communityId,
      streetId: d.streetId,
      points: d.points,
      earnedOn: d.earnedOn,
    });
  },
});
