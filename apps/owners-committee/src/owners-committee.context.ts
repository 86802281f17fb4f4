import { defineContext } from '@cogov/context-kit';
import {
  committeeEvaluationsProjection,
  committeeSurveysProjection,
} from './infrastructure/activity/committee-activity.projection';
import { CommitteeController } from './api/committee.controller';
import { PropertyEvaluationController, SurveyController } from './api/property-evaluation.controller';
import { SurveyInPath } from './api/survey-scopes';
import { ownersCommitteeScopes } from './api/scopes';
import { AddMemberHandler, RemoveMemberHandler } from './application/committee-members';
import { GetCommitteeHandler } from './application/committee-queries';
import { Directory, RecordDirectoryEntryHandler } from './application/directory';
import { evaluationPeriodKindProvider } from './application/evaluation-period';
import { FormCommitteeHandler } from './application/form-committee';
import {
  RecordPropertyEvaluationHandler,
  RecordServiceContractHandler,
} from './application/property-evaluations';
import { CreateSurveyHandler, GetSurveyHandler, RespondToSurveyHandler } from './application/surveys';
import { minimumPartyShareProvider } from './application/minimum-party-share';
import {
  committeeAggregate,
  compoundTermsAggregate,
  propertyEvaluationAggregate,
  surveyAggregate,
} from './infrastructure/aggregates';
import { ServiceContractEntry } from './infrastructure/contracts/service-contract.entity';
import { DirectoryEntry } from './infrastructure/directory/directory-entry.entity';
import { BranchSeatEntry } from './infrastructure/branch-seats/branch-seat.entity';
import { RecordSeatFilledHandler, RecordSeatVacatedHandler } from './application/branch-seats';
import { ownersCommitteeInbound } from './infrastructure/inbound';
import { ownersCommitteeOutbound } from './infrastructure/outbound';

/**
 * The owners' committee (业主委员会) context, the liaison between the compound's owners and the
 * others: committees formed per compound and term, their members, the Party share rule, their
 * evaluations of the property service (监督物业服务) and their surveys of the owners.
 */
export const ownersCommittee = defineContext({
  name: 'owners-committee',
  port: 3003,
  aggregates: {
    committee: committeeAggregate,
    compoundTerms: compoundTermsAggregate,
    propertyEvaluation: propertyEvaluationAggregate,
    survey: surveyAggregate,
  },
  publishes: ownersCommitteeOutbound,
  consumes: ownersCommitteeInbound,
  projections: [committeeEvaluationsProjection, committeeSurveysProjection],
  scopes: [...ownersCommitteeScopes, SurveyInPath],
  entities: [DirectoryEntry, ServiceContractEntry, BranchSeatEntry],
  controllers: [CommitteeController, PropertyEvaluationController, SurveyController],
  handlers: [
    minimumPartyShareProvider,
    Directory,
    FormCommitteeHandler,
    AddMemberHandler,
    RemoveMemberHandler,
    GetCommitteeHandler,
    RecordDirectoryEntryHandler,
    evaluationPeriodKindProvider,
    RecordServiceContractHandler,
    RecordPropertyEvaluationHandler,
    CreateSurveyHandler,
    RespondToSurveyHandler,
    GetSurveyHandler,
    RecordSeatFilledHandler,
    RecordSeatVacatedHandler,
  ],
});
