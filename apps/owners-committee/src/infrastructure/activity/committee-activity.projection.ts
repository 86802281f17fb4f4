import { inCategory } from '@cogov/context-kit';
import { rowPerKeyProjection } from '@cogov/projections';
import type { PropertyEvaluationRecorded } from '../../domain/property-evaluation';
import type { SurveyCreated } from '../../domain/survey';
import { propertyEvaluationAggregate, surveyAggregate } from '../aggregates';
import { CommitteeEvaluationRow, CommitteeSurveyRow } from './committee-activity.entity';

/** The evaluations each committee recorded, listed on its view. */
export const committeeEvaluationsProjection = rowPerKeyProjection<CommitteeEvaluationRow>({
  name: 'owners-committee.committee-evaluations',
  version: 1,
  entity: CommitteeEvaluationRow,
  key: 'evaluationId',
  handles: (event) =>
    inCategory(propertyEvaluationAggregate, event.streamId) && event.type === 'PropertyEvaluationRecorded',
  keyOf: (event) => (event.data as PropertyEvaluationRecorded['data']).evaluationId,
  evolve: (_row, event) => {
    const d = event.data as PropertyEvaluationRecorded['data'];
    return Object.assign(new CommitteeEvaluationRow(), {
      evaluationId: d.evaluationId,
      committeeId: d.committeeId,
      companyId: d.companyId,
      period: d.period,
      meanScore: d.meanScore,
      recordedAt: d.recordedAt,
    });
  },
});

/** The surveys each committee put to its owners, with the count of responses. */
export const committeeSurveysProjection = rowPerKeyProjection<CommitteeSurveyRow>({
  name: 'owners-committee.committee-surveys',
  version: 1,
  entity: CommitteeSurveyRow,
  key: 'surveyId',
  handles: (event) => inCategory(surveyAggregate, event.streamId),
  keyOf: (event) => (event.data as { surveyId: string }).surveyId,
  evolve: (row, event) => {
    if (event.type === 'SurveyCreated') {
      const d = event.data as SurveyCreated['data'];
      return Object.assign(new CommitteeSurveyRow(), {
        surveyId: d.surveyId,
        committeeId: d.committeeId,
        title: d.title,
        closesAt: d.closesAt,
        responses: 0,
      });
    }
    if (event.type === 'SurveyAnswered' && row) return { ...row, responses: row.responses + 1 };
    return null;
  },
});
