import { publishedBy } from '@cogov/context-kit/testing/published-by';
import type { JointMeetingEvent } from '../domain/joint-meeting';
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
