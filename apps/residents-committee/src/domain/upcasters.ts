import type { Upcaster, UpcasterSteps } from '@cogov/decider';

/**
 * v1 of the service-level process's events knew one clock, the community's, and timed round 1
 * only; v2 names the track (a whistled order's department has its own), the department and the round.
 */
const communityTrackOfRoundOne: Upcaster = (data) => ({
  ...data,
  track: 'community',
  departmentId: null,
  round: 1,
});

/**
 * The residents' committee's schema history. v1 of the two work events knew only Party members
 * (`memberId`); v2 names any executor, so v1 becomes a member executor who did it themself.
 */
export const residentsCommitteeUpcasters: UpcasterSteps = {
  // v1 communities were registered before streets existed here.
  CommunityRegistered: { 1: (data) => ({ ...data, streetId: null }) },
  // v1 registrations did not ask whether the resident owns their home.
  ResidentRegistered: { 1: (data) => ({ ...data, tenure: 'unknown' }) },
  OrderTakenRecorded: {
    1: ({ memberId, ...rest }) => ({
      ...rest,
      executor: { kind: 'member', id: memberId },
      performedBy: memberId,
    }),
  },
  OrderCompletionRecorded: {
    1: ({ memberId, ...rest }) => ({
      ...rest,
      executor: { kind: 'member', id: memberId },
      performedBy: memberId,
    }),
  },
  // The community's clock started at the placement, at priority normal (the review reschedules).
  ServiceLevelStarted: {
    1: (data) => ({ ...communityTrackOfRoundOne(data), priority: 'normal', startedAt: data.placedAt }),
  },
  ServiceLevelRescheduled: { 1: communityTrackOfRoundOne },
  StageReached: { 1: communityTrackOfRoundOne },
  ServiceLevelBreached: { 1: communityTrackOfRoundOne },
  ServiceLevelEnded: { 1: communityTrackOfRoundOne },
  // A return named its round already: the round that went back.
  OrderReturned: { 1: (data) => ({ ...data, track: 'community', departmentId: null }) },
};
