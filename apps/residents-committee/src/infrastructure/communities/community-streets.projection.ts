import { idInStream, inCategory } from '@cogov/context-kit';
import { type Projection, rowPerKeyProjection } from '@cogov/projections';
import type { CommunityEvent } from '../../domain/community';
import { communityAggregate } from '../aggregates';
import { CommunityStreet } from './community-street.entity';

/** The street of every community, from its registration. */
export const communityStreetsProjection: Projection = rowPerKeyProjection<CommunityStreet>({
  name: 'residents-committee.community-streets',
  version: 1,
  entity: CommunityStreet,
  key: 'communityId',
  handles: (event) => inCategory(communityAggregate, event.streamId) && event.type === 'CommunityRegistered',
  keyOf: (event) => idInStream(communityAggregate, event.streamId),
  evolve(row, recorded) {
    const event = { type: recorded.type, data: recorded.data } as CommunityEvent;
    if (event.type !== 'CommunityRegistered' || row) return row;
    return Object.assign(new CommunityStreet(), {
      communityId: event.data.communityId,
      streetId: event.data.streetId ?? null,
    });
  },
});
