import { publishedBy } from '@cogov/context-kit/testing/published-by';
import type { CommitteeEvent } from '../domain/committee';
import type { PropertyEvaluationEvent } from '../domain/property-evaluation';
import { ownersCommitteeOutbound } from './outbound';

/** The contracts and payloads the mapping published, each checked against its schema. */
const published = publishedBy<CommitteeEvent | PropertyEvaluationEvent>(ownersCommitteeOutbound);

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
        version: 1,
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
        version: 1,
        key: 'c1',
        data: { ...data, compliant: false, partySharePercent: 33.3 },
        violations: [],
      },
    ]);
    expect(
      published({ type: 'PartyShareRestored', data: { ...data, partySharePercent: null } }),
    ).toMatchObject([{ data: { compliant: true, partySharePercent: null }, violations: [] }]);
  });

  it('a seated member by ids and role, for the linkage of the six parties; the background stays', () =>
    expect(
      published({
        type: 'MemberJoined',
        data: {
          committeeId: 'c1',
          memberId: 's1',
          residentId: 'r1',
          role: 'chair',
          partyMemberId: 'pm1',
          background: 'party-member',
          joinedAt: NOW,
        },
      }),
    ).toEqual([
      {
        type: 'owners-committee.member-seated',
        version: 1,
        key: 'c1',
        data: {
          committeeId: 'c1',
          memberId: 's1',
          residentId: 'r1',
          role: 'chair',
          partyMemberId: 'pm1',
          seatedAt: NOW,
        },
        violations: [],
      },
    ]));

  it('a member who left, by the seat', () =>
    expect(
      published({ type: 'MemberLeft', data: { committeeId: 'c1', memberId: 's1', leftAt: NOW } }),
    ).toEqual([
      {
        type: 'owners-committee.member-left',
        version: 1,
        key: 'c1',
        data: { committeeId: 'c1', memberId: 's1', leftAt: NOW },
        violations: [],
      },
    ]));

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
      version: 1,
      key: 'e1',
      data: { companyId: 'p1', period: '2026-Q4', scores, meanScore: 80 },
      violations: [],
    });
    expect(JSON.stringify(sent)).not.toContain('Repairs are slow');
  });
});
