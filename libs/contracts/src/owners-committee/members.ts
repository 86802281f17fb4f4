import { contract, idSchema, nullable, timeSchema } from '../contract';
import type { IntegrationEvent } from '../integration-event';

export const OWNERS_COMMITTEE_ROLES = ['chair', 'deputy', 'member'] as const;

/**
 * An owner took a seat on an owners' committee (业委会): its chair (主任), a deputy or a member.
 * Ids only (the seat, the resident, the Party member the owner is, if any), so that others can
 * tell whether the chair is also the branch secretary (一肩挑) or sits on the branch committee
 * (交叉任职). The compound is the committee's (`committee-formed`).
 */
export type MemberSeatedV1 = IntegrationEvent<
  'owners-committee.member-seated',
  {
    committeeId: string;
    memberId: string;
    residentId: string;
    role: (typeof OWNERS_COMMITTEE_ROLES)[number];
    partyMemberId: string | null;
    seatedAt: string;
  }
>;
export const memberSeatedV1 = contract<MemberSeatedV1>('owners-committee.member-seated', 1, {
  type: 'object',
  required: ['committeeId', 'memberId', 'residentId', 'role', 'partyMemberId', 'seatedAt'],
  properties: {
    committeeId: idSchema,
    memberId: idSchema,
    residentId: idSchema,
    role: { type: 'string', enum: OWNERS_COMMITTEE_ROLES },
    partyMemberId: nullable(idSchema),
    seatedAt: timeSchema,
  },
});

/** A member left an owners' committee: the seat `memberId` of `member-seated` is empty. */
export type MemberLeftV1 = IntegrationEvent<
  'owners-committee.member-left',
  { committeeId: string; memberId: string; leftAt: string }
>;
export const memberLeftV1 = contract<MemberLeftV1>('owners-committee.member-left', 1, {
  type: 'object',
  required: ['committeeId', 'memberId', 'leftAt'],
  properties: { committeeId: idSchema, memberId: idSchema, leftAt: timeSchema },
});
