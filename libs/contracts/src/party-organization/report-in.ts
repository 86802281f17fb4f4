import { contract, idSchema, timeSchema } from '../contract';
import type { IntegrationEvent } from '../integration-event';

/**
 * 双报到: an in-service Party member, registered with an organization of one community, reported
 * in to the community where they live, and its Party committee confirmed it. Ids and the time
 * only: the member's work unit and address stay with the Party organization.
 */
export type MemberReportedInV1 = IntegrationEvent<
  'party-organization.member-reported-in',
  { memberId: string; communityId: string; confirmedAt: string }
>;
export const memberReportedInV1 = contract<MemberReportedInV1>('party-organization.member-reported-in', 1, {
  type: 'object',
  required: ['memberId', 'communityId', 'confirmedAt'],
  properties: { memberId: idSchema, communityId: idSchema, confirmedAt: timeSchema },
});
