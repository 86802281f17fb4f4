import type { IntegrationEvent, IntegrationEventContract } from '@cogov/contracts';
import { type Publisher, schemaViolations } from '@cogov/context-kit';
import type { RecordedEvent } from '@cogov/event-store';
import type { CommitteeEvent } from '../domain/committee';
import type { PropertyEvaluationEvent } from '../domain/property-evaluation';
import { ownersCommitteeOutbound } from './outbound';

/** The contracts and payloads the mapping published, each checked against its schema. */
function published(event: CommitteeEvent | PropertyEvaluationEvent) {
  const sent: Array<{ type: string; key: string; data: unknown; violations: string[] }> = [];
  const out: Publisher = {
    recorded: {} as RecordedEvent,
    publish: (contract: IntegrationEventContract, key: string, data: unknown) => {
      sent.push({ type: contract.type, key, data, violations: schemaViolations(contract, data) });
      return [] as IntegrationEvent[];
    },
  };
  ownersCommitteeOutbound(event, out);
  return sent;
}

const NOW = '2025-03-01T08:00:00.000Z';
const committee = {
  committeeId: 'c1',
  compoundId: 'k1',
  communityId: 'm1',
  termStart: '2025-01-01',
  termEnd: '2029-12-31',
};

describe('what the owners committee publishes', () => {
  it('a formed committee, ids and term only', () =>
    expect(
      published({
        type: 'CommitteeFormed',
        data: { ...committee, formedAt: NOW },
      }),
    ).toEqual([
      {
        type: 'owners-committee.committee-formed',
        key: 'c1',
        data: {
          committeeId: 'c1',
          compoundId: 'k1',
          communityId: 'm1',
          termStart: '2025-01-01',
          termEnd: '2029-12-31',
        },
        violations: [],
      },
    ]));

  it('a change of Party share compliance, with the share and since when', () => {
    const data = { committeeId: 'c1', minimumPartySharePercent: 50, since: NOW };
    expect(
      published({ type: 'PartyShareFellBelowMinimum', data: { ...data, partySharePercent: 33.3 } }),
    ).toEqual([
      {
        type: 'owners-committee.party-share-compliance-changed',
        key: 'c1',
        data: { ...data, compliant: false, partySharePercent: 33.3 },
        violations: [],
      },
    ]);
    expect(
      published({ type: 'PartyShareRestored', data: { ...data, partySharePercent: null } }),
    ).toMatchObject([{ data: { compliant: true, partySharePercent: null }, violations: [] }]);
  });

  it('who sits on the committee is not published', () =>
    expect(
      published({
        type: 'MemberJoined',
        data: {
          committeeId: 'c1',
          memberId: 's1',
          residentId: 'r1',
          role: 'member',
          partyMemberId: null,
          background: 'other',
          joinedAt: NOW,
        },
      }),
    ).toEqual([]));

  it('an evaluation of the property service, its scores and mean without the comment', () => {
    const scores = { cleaning: 80, security: 90, greenery: 70, repairs: 60, feesTransparency: 100 };
    const [sent] = published({
      type: 'PropertyEvaluationRecorded',
      data: {
        evaluationId: 'e1',
        committeeId: 'c1',
        compoundId: 'k1',
        communityId: 'm1',
        companyId: 'p1',
        period: '2026-Q4',
        scores,
        meanScore: 80,
        comment: 'Repairs are slow',
        recordedAt: NOW,
      },
    });
    expect(sent).toMatchObject({
      type: 'owners-committee.property-evaluation-recorded',
      key: 'e1',
      data: { companyId: 'p1', period: '2026-Q4', scores, meanScore: 80 },
      violations: [],
    });
    expect(JSON.stringify(sent)).not.toContain('Repairs are slow');
  });
});
