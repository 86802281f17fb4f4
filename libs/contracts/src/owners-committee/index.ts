import { contract, idSchema, nullable, timeSchema } from '../contract';
import type { IntegrationEvent } from '../integration-event';

export const OWNERS_COMMITTEE = 'owners-committee';

const daySchema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const percentSchema = { type: 'number', minimum: 0, maximum: 100 } as const;

/** 业主委员会 formed over a compound for a term. */
export type CommitteeFormedV1 = IntegrationEvent<
  'owners-committee.committee-formed',
  { committeeId: string; compoundId: string; communityId: string; termStart: string; termEnd: string }
>;
export const committeeFormedV1 = contract<CommitteeFormedV1>('owners-committee.committee-formed', 1, {
  type: 'object',
  required: ['committeeId', 'compoundId', 'communityId', 'termStart', 'termEnd'],
  properties: {
    committeeId: idSchema,
    compoundId: idSchema,
    communityId: idSchema,
    termStart: daySchema,
    termEnd: daySchema,
  },
});

/**
 * The committee's Party share crossed its minimum, one way or the other: non-compliant when it
 * fell below, compliant when restored. Shares and ids only; who sits is `member-seated` (ids).
 */
export type PartyShareComplianceChangedV1 = IntegrationEvent<
  'owners-committee.party-share-compliance-changed',
  {
    committeeId: string;
    compliant: boolean;
    partySharePercent: number | null;
    minimumPartySharePercent: number;
    since: string;
  }
>;
export const partyShareComplianceChangedV1 = contract<PartyShareComplianceChangedV1>(
  'owners-committee.party-share-compliance-changed',
  1,
  {
    type: 'object',
    required: ['committeeId', 'compliant', 'partySharePercent', 'minimumPartySharePercent', 'since'],
    properties: {
      committeeId: idSchema,
      compliant: { type: 'boolean' },
      partySharePercent: nullable(percentSchema),
      minimumPartySharePercent: percentSchema,
      since: timeSchema,
    },
  },
);
