import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@cogov/event-store';
import type { Projection } from '@cogov/projections';
import { inCategory } from '@cogov/context-kit';
import type { BuildingLeaderEvent } from '../../domain/building-leader';
import { buildingLeaderAggregate } from '../aggregates';
import { OpinionView } from './opinion-view.entity';

/** The compound's board: every opinion its building leaders reported up, one row each. */
export const opinionBoardProjection: Projection = {
  name: 'building-leaders.opinion-board',
  version: 1,
  entities: [OpinionView],
  handles: (event) => inCategory(buildingLeaderAggregate, event.streamId),
  async apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as BuildingLeaderEvent;
      if (event.type !== 'OpinionReported') continue;
      const { opinionId, leaderId, communityId, compoundId, topic, text, residentIds, reportedAt } =
        event.data;
      await manager
        .getRepository(OpinionView)
        .upsert({ opinionId, leaderId, communityId, compoundId, topic, text, residentIds, reportedAt }, [
          'opinionId',
        ]);
    }
  },
};
