import { aggregate, type RepositoryOf } from '@cogov/context-kit';
import { committeeDecider } from '../domain/committee';
import { compoundTermsDecider } from '../domain/compound-terms';

export const committeeAggregate = aggregate('owners-committee.committee', committeeDecider);
export type CommitteeRepository = RepositoryOf<typeof committeeAggregate>;

/** One stream per compound: the terms its committees hold (the reservation that keeps it to one). */
export const compoundTermsAggregate = aggregate('owners-committee.compound-terms', compoundTermsDecider);
export type CompoundTermsRepository = RepositoryOf<typeof compoundTermsAggregate>;
