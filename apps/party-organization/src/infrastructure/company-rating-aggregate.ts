import { aggregate, type RepositoryOf } from '@cogov/context-kit';
import { companyRatingDecider } from '../domain/company-rating';

/** One stream per organization, company and period: the community's rating of the company. */
export const companyRatingAggregate = aggregate('party-organization.company-rating', companyRatingDecider);
export type CompanyRatingRepository = RepositoryOf<typeof companyRatingAggregate>;
