import { inCategory } from '@cogov/context-kit';
import { rowPerKeyProjection } from '@cogov/projections';
import type { BuildingLeaderEvent } from '../../domain/building-leader';
import { buildingLeaderAggregate } from '../aggregates';
import { OpinionView } from './opinion-view.entity';

type OpinionReported = Extract<BuildingLeaderEvent, { type: 'OpinionReported' }>;

/**
 * The compound's board: every opinion its building leaders reported up, one row each, written a
 * batch at a time (one SELECT and one upsert per batch, not a write per event).
 */
export const opinionBoardProjection = rowPerKeyProjection<OpinionView>({
  name: 'building-leaders.opinion-board',
  version: 1,
  entity: OpinionView,
  key: 'opinionId',
  handles: (event) => inCategory(buildingLeaderAggregate, event.streamId) && event.type === 'OpinionReported',
  keyOf: (event) => (event.data as OpinionReported['data']).opinionId,
  evolve: (_row, event) => {
    const { opinionId, leaderId, communityId, compoundId, topic, text, residentIds, reportedAt } =
      event.data as OpinionReported['data'];
    return Object.assign(new OpinionView(), {
      opinionId,
      leaderId,
      communityId,
      compoundId,
      topic,
      text,
      residentIds,
      reportedAt,
    });
  },
});
