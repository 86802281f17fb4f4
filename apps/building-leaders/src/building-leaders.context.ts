import { defineContext } from '@cogov/context-kit';
import { BuildingLeaderController } from './api/building-leader.controller';
import { buildingLeadersScopes } from './api/scopes';
import { NominateLeaderHandler } from './application/nominate-leader';
import { ListOpinionsHandler } from './application/opinion-board';
import {
  RecordCompoundDirectoryHandler,
  RecordPartyMemberDirectoryHandler,
  RecordResidentDirectoryHandler,
} from './application/record-directory';
import { RecordVisitHandler } from './application/record-visit';
import { ReferNeedHandler } from './application/refer-need';
import { ReportOpinionHandler } from './application/report-opinion';
import { VetLeaderHandler } from './application/vet-leader';
import { RecordDispatchHandler, WorkOnOrderHandler } from './application/work-on-order';
import {
  buildingLeaderAggregate,
  compoundDirectoryAggregate,
  leaderOrderAggregate,
  partyMemberDirectoryAggregate,
  residentDirectoryAggregate,
} from './infrastructure/aggregates';
import { opinionBoardProjection } from './infrastructure/board/opinion-board.projection';
import { buildingLeadersInbound } from './infrastructure/inbound';
import { buildingLeadersOutbound } from './infrastructure/outbound';

/**
 * The building leaders (楼门长, the front-line sentinels) context: nomination and vetting, visits
 * to residents, needs referred as orders, opinions reported up, and work on orders dispatched
 * to a leader.
 */
export const buildingLeaders = defineContext({
  name: 'building-leaders',
  port: 3005,
  aggregates: {
    leader: buildingLeaderAggregate,
    compound: compoundDirectoryAggregate,
    resident: residentDirectoryAggregate,
    partyMember: partyMemberDirectoryAggregate,
    order: leaderOrderAggregate,
  },
  publishes: buildingLeadersOutbound,
  consumes: buildingLeadersInbound,
  projections: [opinionBoardProjection],
  scopes: buildingLeadersScopes,
  controllers: [BuildingLeaderController],
  handlers: [
    NominateLeaderHandler,
    VetLeaderHandler,
    RecordVisitHandler,
    ReferNeedHandler,
    ReportOpinionHandler,
    RecordCompoundDirectoryHandler,
    RecordResidentDirectoryHandler,
    RecordPartyMemberDirectoryHandler,
    ListOpinionsHandler,
    WorkOnOrderHandler,
    RecordDispatchHandler,
  ],
});
