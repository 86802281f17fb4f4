import { aggregate, type RepositoryOf } from '@cogov/context-kit';
import { companyDecider } from '../domain/company';
import { companyEvaluationDecider } from '../domain/company-evaluation';
import { companyOrderDecider } from '../domain/company-order';
import { compoundServiceDecider } from '../domain/compound-service';
import { creditCodeRegistryDecider } from '../domain/credit-code-registry';

export const companyAggregate = aggregate('property-company.company', companyDecider);
export type CompanyRepository = RepositoryOf<typeof companyAggregate>;

/** One stream per compound: the terms of the contracts serving it (the reservation that keeps it to one company at a time). */
export const compoundServiceAggregate = aggregate(
  'property-company.compound-service',
  compoundServiceDecider,
);
export type CompoundServiceRepository = RepositoryOf<typeof compoundServiceAggregate>;

/** One stream per order dispatched to a property company. */
export const companyOrderAggregate = aggregate('property-company.company-order', companyOrderDecider);
export type CompanyOrderRepository = RepositoryOf<typeof companyOrderAggregate>;

/** One stream per company: the facts of its evaluation, by period, and the grades they earned. */
export const companyEvaluationAggregate = aggregate(
  'property-company.company-evaluation',
  companyEvaluationDecider,
);
export type CompanyEvaluationRepository = RepositoryOf<typeof companyEvaluationAggregate>;

/** One stream per unified social credit code: the company holding it (one company per code). */
export const creditCodeAggregate = aggregate('property-company.credit-code', creditCodeRegistryDecider);
export type CreditCodeRepository = RepositoryOf<typeof creditCodeAggregate>;
