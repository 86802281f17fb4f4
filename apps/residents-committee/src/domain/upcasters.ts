import type { UpcasterSteps } from '@cogov/decider';

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
};
