import type { Provider } from '@nestjs/common';
import { EventSourcedRepository } from '@cogov/event-sourcing';
import { EVENT_STORE, type EventStore } from '@cogov/event-store';
import { type BranchOrder, branchOrderDecider, type BranchOrderEvent } from '../domain/branch-order';
import {
  type CompoundCoverage,
  compoundCoverageDecider,
  type CompoundCoverageEvent,
} from '../domain/compound-coverage';
import { type Member, memberDecider, type MemberEvent } from '../domain/member';
import { type Organization, organizationDecider, type OrganizationEvent } from '../domain/organization';

export const ORGANIZATION_CATEGORY = 'party-organization.organization';
export const MEMBER_CATEGORY = 'party-organization.member';
export const BRANCH_ORDER_CATEGORY = 'party-organization.branch-order';
/** One stream per compound: which branch covers it (the reservation that keeps it to one). */
export const COMPOUND_COVERAGE_CATEGORY = 'party-organization.compound-coverage';

export class OrganizationRepository extends EventSourcedRepository<Organization, OrganizationEvent> {}
export class MemberRepository extends EventSourcedRepository<Member, MemberEvent> {}
export class BranchOrderRepository extends EventSourcedRepository<BranchOrder, BranchOrderEvent> {}
export class CompoundCoverageRepository extends EventSourcedRepository<
  CompoundCoverage,
  CompoundCoverageEvent
> {}

export const repositoryProviders: Provider[] = [
  {
    provide: OrganizationRepository,
    useFactory: (store: EventStore) =>
      new OrganizationRepository(store, { category: ORGANIZATION_CATEGORY, ...organizationDecider }),
    inject: [EVENT_STORE],
  },
  {
    provide: MemberRepository,
    useFactory: (store: EventStore) =>
      new MemberRepository(store, { category: MEMBER_CATEGORY, ...memberDecider }),
    inject: [EVENT_STORE],
  },
  {
    provide: BranchOrderRepository,
    useFactory: (store: EventStore) =>
      new BranchOrderRepository(store, { category: BRANCH_ORDER_CATEGORY, ...branchOrderDecider }),
    inject: [EVENT_STORE],
  },
  {
    provide: CompoundCoverageRepository,
    useFactory: (store: EventStore) =>
      new CompoundCoverageRepository(store, {
        category: COMPOUND_COVERAGE_CATEGORY,
        ...compoundCoverageDecider,
      }),
    inject: [EVENT_STORE],
  },
];
