import { aggregate, type RepositoryOf } from '@cogov/context-kit';
import { branchOrderDecider } from '../domain/branch-order';
import { memberDecider } from '../domain/member';
import { organizationDecider } from '../domain/organization';

export const organizationAggregate = aggregate('party-organization.organization', organizationDecider);
export const memberAggregate = aggregate('party-organization.member', memberDecider);
export const branchOrderAggregate = aggregate('party-organization.branch-order', branchOrderDecider);

export type OrganizationRepository = RepositoryOf<typeof organizationAggregate>;
export type MemberRepository = RepositoryOf<typeof memberAggregate>;
export type BranchOrderRepository = RepositoryOf<typeof branchOrderAggregate>;
