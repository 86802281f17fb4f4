import { publishedBy } from '@cogov/context-kit/testing/published-by';
import type { CommunityEvent } from '../domain/community';
import { residentsCommitteeOutbound } from './outbound';

/** The contracts and payloads the mapping published, each checked against its schema. */
const published = publishedBy<CommunityEvent>(residentsCommitteeOutbound);

describe('what the residents committee publishes of its workers', () => {
  it('an appointed worker by id and post; name and phone stay', () => {
    const sent = published({
      type: 'WorkerAppointed',
      data: {
        communityId: 'm1',
        workerId: 'w1',
        name: 'Wang Fang',
        phone: '13700000000',
        role: 'service-station',
        appointedAt: '2026-12-02T08:00:00.000Z',
      },
    });
    expect(sent).toEqual([
      {
        type: 'residents-committee.worker-appointed',
        key: 'm1',
        data: {
          communityId: 'm1',
          workerId: 'w1',
          role: 'service-station',
          appointedAt: '2026-12-02T08:00:00.000Z',
        },
        violations: [],
      },
    ]);
    expect(JSON.stringify(sent)).not.toMatch(/Wang Fang|13700000000/);
  });
});
