import { publishedBy } from '@cogov/context-kit/testing/published-by';
import type { JointMeetingEvent } from '../domain/joint-meeting';
import type { MemberEvent } from '../domain/member';
import { partyOrganizationOutbound } from './outbound';

/** The contracts and payloads the mapping published, each checked against its schema. */
const published = publishedBy<JointMeetingEvent>(partyOrganizationOutbound);

const NOW = '2026-12-02T08:00:00.000Z';

describe('what the Party organization publishes of its joint meetings', () => {
  it('a decision’s tasks, each with its party, owner and due day, without the decision’s text', () => {
    const sent = published({
      type: 'DecisionRecorded',
      data: {
        meetingId: 'jm1',
        decisionId: 'd1',
        communityId: 'm1',
        compoundId: 'k1',
        text: 'Fix the lift of building 3',
        tasks: [
          { taskId: 't1', ownerParty: 'property-company', ownerId: 'p1', dueOn: '2026-12-10' },
          { taskId: 't2', ownerParty: 'owners-committee', ownerId: 'c1', dueOn: '2026-12-20' },
        ],
        decidedAt: NOW,
      },
    });
    expect(sent).toEqual([
      {
        type: 'party-organization.joint-meeting-tasks-assigned',
        version: 1,
        key: 'jm1',
        data: {
          meetingId: 'jm1',
          decisionId: 'd1',
          communityId: 'm1',
          compoundId: 'k1',
          tasks: [
            { taskId: 't1', party: 'property-company', ownerId: 'p1', dueOn: '2026-12-10' },
            { taskId: 't2', party: 'owners-committee', ownerId: 'c1', dueOn: '2026-12-20' },
          ],
          decidedAt: NOW,
        },
        violations: [],
      },
    ]);
    expect(JSON.stringify(sent)).not.toContain('lift');
  });

  it('a decision without tasks tells the others nothing', () =>
    expect(
      published({
        type: 'DecisionRecorded',
        data: {
          meetingId: 'jm1',
          decisionId: 'd1',
          communityId: 'm1',
          compoundId: 'k1',
          text: 'Noted',
          tasks: [],
          decidedAt: NOW,
        },
      }),
    ).toEqual([]));

  it('progress on a task, whether it is done, without the note', () => {
    const sent = published({
      type: 'TaskProgressRecorded',
      data: { meetingId: 'jm1', taskId: 't1', note: 'Parts ordered', done: false, recordedAt: NOW },
    });
    expect(sent).toEqual([
      {
        type: 'party-organization.joint-meeting-task-progressed',
        version: 1,
        key: 'jm1',
        data: { meetingId: 'jm1', taskId: 't1', done: false, recordedAt: NOW },
        violations: [],
      },
    ]);
    expect(JSON.stringify(sent)).not.toContain('Parts ordered');
  });
});

describe('what the Party organization publishes of report-ins (双报到)', () => {
  const publishedOfMembers = publishedBy<MemberEvent>(partyOrganizationOutbound);
  const memberId = '7c1f3a52-0d4e-4b8a-9f21-3e5d6c7b8a90';
  const communityId = '2a9e4f61-5b3c-4d7e-8f10-9a8b7c6d5e4f';

  it('a confirmed report-in: the member, the community and when, without work unit or address', () => {
    const sent = publishedOfMembers({
      type: 'ReportInConfirmed',
      data: { memberId, communityId, confirmedBy: 'staff-1', confirmedAt: NOW },
    });
    expect(sent).toEqual([
      {
        type: 'party-organization.member-reported-in',
        version: 1,
        key: memberId,
        data: { memberId, communityId, confirmedAt: NOW },
        violations: [],
      },
    ]);
  });

  it('a report-in pending or declined tells the others nothing', () => {
    expect(
      publishedOfMembers({
        type: 'ReportInRequested',
        data: {
          memberId,
          communityId,
          workUnit: 'Water Bureau',
          workUnitOrganization: 'Water Bureau Party Branch',
          address: 'Room 401',
          requestedAt: NOW,
        },
      }),
    ).toEqual([]);
    expect(
      publishedOfMembers({
        type: 'ReportInDeclined',
        data: { memberId, communityId, reason: 'moved', declinedBy: 'staff-1', declinedAt: NOW },
      }),
    ).toEqual([]);
  });
});
