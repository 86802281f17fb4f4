import { defineContext } from '@cogov/context-kit';
import { BuildingLeaderController } from './api/building-leader.controller';
import { MediationController } from './api/mediation.controller';
import { buildingLeadersScopes } from './api/scopes';
import { GetLeaderHandler, NameGridWorkerHandler } from './application/grid-worker';
import {
  GetMediationHandler,
  OpenMediationHandler,
  RecordMediationOrderHandler,
  RecordMediationOutcomeHandler,
  RecordMediationSessionHandler,
} from './application/mediate';
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
  mediationAggregate,
  partyMemberDirectoryAggregate,
  residentDirectoryAggregate,
} from './infrastructure/aggregates';
import { opinionBoardProjection } from './infrastructure/board/opinion-board.projection';
import { buildingLeadersInbound } from './infrastructure/inbound';
import { buildingLeadersOutbound } from './infrastructure/outbound';

/**
 * The building leaders (楼门长, the front-line sentinels) context: nomination and vetting, visits
 * to residents, needs referred as orders, opinions reported up, work on orders dispatched
 * to a leader, and the mediation of neighbour disputes.
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
    mediation: mediationAggregate,
  },
  publishes: buildingLeadersOutbound,
  consumes: buildingLeadersInbound,
  projections: [opinionBoardProjection],
  scopes: buildingLeadersScopes,
  controllers: [BuildingLeaderController, MediationController],
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
    OpenMediationHandler,
    RecordMediationSessionHandler,
    RecordMediationOutcomeHandler,
    RecordMediationOrderHandler,
    GetMediationHandler,
    NameGridWorkerHandler,
    GetLeaderHandler,
  ],
});
