import { aggregate, type RepositoryOf } from '@cogov/context-kit';
import { buildingLeaderDecider } from '../domain/building-leader';
import { compoundDirectoryDecider } from '../domain/compound-directory';
import { leaderOrderDecider } from '../domain/leader-order';
import { mediationDecider } from '../domain/mediation';
import { partyMemberDirectoryDecider } from '../domain/party-member-directory';
import { residentDirectoryDecider } from '../domain/resident-directory';

export const buildingLeaderAggregate = aggregate('building-leaders.leader', buildingLeaderDecider);
export type BuildingLeaderRepository = RepositoryOf<typeof buildingLeaderAggregate>;

/** This context's copy of the residents' committee's compounds and buildings, one stream per compound. */
export const compoundDirectoryAggregate = aggregate('building-leaders.compound', compoundDirectoryDecider);
export type CompoundDirectoryRepository = RepositoryOf<typeof compoundDirectoryAggregate>;

/** This context's copy of where each resident lives (ids only), one stream per resident. */
export const residentDirectoryAggregate = aggregate('building-leaders.resident', residentDirectoryDecider);
export type ResidentDirectoryRepository = RepositoryOf<typeof residentDirectoryAggregate>;

/** This context's copy of the Party organization's members (id and community), one stream each. */
export const partyMemberDirectoryAggregate = aggregate(
  'building-leaders.party-member',
  partyMemberDirectoryDecider,
);
export type PartyMemberDirectoryRepository = RepositoryOf<typeof partyMemberDirectoryAggregate>;

/** One stream per order dispatched to a building leader: the leader's work on it. */
export const leaderOrderAggregate = aggregate('building-leaders.leader-order', leaderOrderDecider);
export type LeaderOrderRepository = RepositoryOf<typeof leaderOrderAggregate>;

/** One stream per mediation of a neighbour dispute (矛盾调解). */
export const mediationAggregate = aggregate('building-leaders.mediation', mediationDecider);
export type MediationRepository = RepositoryOf<typeof mediationAggregate>;
