import { scopeFromAggregate } from '@cogov/context-kit';
import { companyAggregate } from '../infrastructure/aggregates';

/** A company is its staff's (the `companies` claim) and its partner key's; a platform admin sees all. */
export const CompanyInPath = scopeFromAggregate(
  'CompanyInPath',
  companyAggregate,
  { param: 'id' },
  (state) =>
    state.status === 'absent' ? null : { communityId: null, compoundId: null, companyId: state.companyId },
);

export const propertyCompanyScopes = [CompanyInPath];
