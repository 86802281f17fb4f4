import { aggregate, type RepositoryOf } from '@cogov/context-kit';
import { committeeDecider } from '../domain/committee';
import { compoundTermsDecider } from '../domain/compound-terms';
import { propertyEvaluationDecider } from '../domain/property-evaluation';
import { surveyDecider } from '../domain/survey';

export const committeeAggregate = aggregate('owners-committee.committee', committeeDecider);
export type CommitteeRepository = RepositoryOf<typeof committeeAggregate>;

/** One stream per compound: the terms its committees hold (the reservation that keeps it to one). */
export const compoundTermsAggregate = aggregate('owners-committee.compound-terms', compoundTermsDecider);
export type CompoundTermsRepository = RepositoryOf<typeof compoundTermsAggregate>;

/** One stream per committee, company and period: the committee's evaluation of the property service. */
export const propertyEvaluationAggregate = aggregate(
  'owners-committee.property-evaluation',
  propertyEvaluationDecider,
);
export type PropertyEvaluationRepository = RepositoryOf<typeof propertyEvaluationAggregate>;

/** One stream per survey of the owners: its questions and the residents' responses. */
export const surveyAggregate = aggregate('owners-committee.survey', surveyDecider);
export type SurveyRepository = RepositoryOf<typeof surveyAggregate>;
