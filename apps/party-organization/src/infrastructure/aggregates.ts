import { aggregate, type RepositoryOf } from '@cogov/context-kit';
import { branchOrderDecider } from '../domain/branch-order';
import { compoundCoverageDecider } from '../domain/compound-coverage';
import { companyBranchReservationDecider } from '../domain/company-branch-reservation';
import { jointMeetingDecider } from '../domain/joint-meeting';
import { memberDecider } from '../domain/member';
import { memberDutiesDecider } from '../domain/member-duties';
import { organizationDecider } from '../domain/organization';

export const organizationAggregate = aggregate('party-organization.organization', organizationDecider);
export const memberAggregate = aggregate('party-organization.member', memberDecider);
export const branchOrderAggregate = aggregate('party-organization.branch-order', branchOrderDecider);

export type OrganizationRepository = RepositoryOf<typeof organizationAggregate>;
export type MemberRepository = RepositoryOf<typeof memberAggregate>;
export type BranchOrderRepository = RepositoryOf<typeof branchOrderAggregate>;

/** One stream per compound: which branch covers it (the reservation that keeps it to one). */
export const compoundCoverageAggregate = aggregate(
  'party-organization.compound-coverage',
  compoundCoverageDecider,
);
export type CompoundCoverageRepository = RepositoryOf<typeof compoundCoverageAggregate>;

/** One stream per property company: the company branch it has (the reservation that keeps it to one). */
export const companyBranchReservationAggregate = aggregate(
  'party-organization.company-branch-reservation',
  companyBranchReservationDecider,
);
export type CompanyBranchReservationRepository = RepositoryOf<typeof companyBranchReservationAggregate>;

/** 联席会议: one stream per joint meeting, its agenda, decisions and tasks. */
export const jointMeetingAggregate = aggregate('party-organization.joint-meeting', jointMeetingDecider);
export type JointMeetingRepository = RepositoryOf<typeof jointMeetingAggregate>;

/** "4+1": one stream per member and year (`memberDutiesId`), what the member did that year. */
export const memberDutiesAggregate = aggregate('party-organization.member-duties', memberDutiesDecider);
export type MemberDutiesRepository = RepositoryOf<typeof memberDutiesAggregate>;
