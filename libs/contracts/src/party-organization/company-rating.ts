import { contract, idSchema, timeSchema } from '../contract';
import { periodSchema } from '../evaluation-period';
import type { IntegrationEvent } from '../integration-event';

/**
 * The community Party organization (社区党组织) rated a property company for a period, 0–100: the
 * Party's part of the company's evaluation. The comment stays inside.
 */
export type CompanyRatedV1 = IntegrationEvent<
  'party-organization.company-rated',
  {
    ratingId: string;
    organizationId: string;
    communityId: string;
    companyId: string;
    period: string;
    score: number;
    ratedAt: string;
  }
>;
export const companyRatedV1 = contract<CompanyRatedV1>('party-organization.company-rated', 1, {
  type: 'object',
  required: ['ratingId', 'organizationId', 'communityId', 'companyId', 'period', 'score', 'ratedAt'],
  properties: {
    ratingId: idSchema,
    organizationId: idSchema,
    communityId: idSchema,
    companyId: idSchema,
    period: periodSchema,
    score: { type: 'integer', minimum: 0, maximum: 100 },
    ratedAt: timeSchema,
  },
});
