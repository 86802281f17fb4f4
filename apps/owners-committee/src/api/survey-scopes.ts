import { scopeFromAggregate } from '@cogov/context-kit';
import { surveyAggregate } from '../infrastructure/aggregates';

/** A survey lives in its committee's compound. */
export const SurveyInPath = scopeFromAggregate('SurveyInPath', surveyAggregate, { param: 'id' }, (state) =>
  state.status === 'absent' ? null : { communityId: state.communityId, compoundId: state.compoundId },
);
