import type { RecordedEvent } from '@cogov/event-store';
import { UpcasterRegistry } from '@cogov/event-sourcing';
import { residentsCommitteeUpcasters } from './upcasters';

const registry = new UpcasterRegistry(residentsCommitteeUpcasters);
const storedV1 = (type: string, data: Record<string, unknown>): RecordedEvent => ({
  eventId: 'e1',
  type,
  schemaVersion: 1,
  data,
  metadata: { actorId: 'member-2', correlationId: 'c', causationId: null },
  streamId: 'residents-committee.order-o1',
  streamRevision: 3,
  globalPosition: 9,
  recordedAt: new Date('2026-03-01T10:00:00.000Z'),
});

describe('residents committee schema history', () => {
  it('writes the work events at v2', () => {
    expect(registry.currentVersion('OrderTakenRecorded')).toBe(2);
    expect(registry.currentVersion('OrderCompletionRecorded')).toBe(2);
    expect(registry.currentVersion('OrderPlaced')).toBe(1);
  });

  it('reads a v1 community as one registered without a street', () =>
    expect(
      registry.upcast(storedV1('CommunityRegistered', { communityId: 'c1', name: 'J', streetName: null })),
    ).toMatchObject({ schemaVersion: 2, data: { communityId: 'c1', streetId: null } }));

  it('reads a v1 taking (a member id) as a member executor who did it themself', () =>
    expect(
      registry.upcast(
        storedV1('OrderTakenRecorded', { orderId: 'o1', round: 1, memberId: 'm1', takenAt: 't' }),
      ),
    ).toMatchObject({
      schemaVersion: 2,
      data: {
        orderId: 'o1',
        round: 1,
        executor: { kind: 'member', id: 'm1' },
        performedBy: 'm1',
        takenAt: 't',
      },
    }));

  it('reads a v1 completion the same way, keeping its note and evidence', () => {
    const data = {
      orderId: 'o1',
      round: 1,
      memberId: 'm1',
      resultNote: 'ok',
      evidence: ['u'],
      completedAt: 't',
    };
    const { memberId: _, ...kept } = data;
    expect(registry.upcast(storedV1('OrderCompletionRecorded', data)).data).toEqual({
      ...kept,
      executor: { kind: 'member', id: 'm1' },
      performedBy: 'm1',
    });
  });

  it('reads a v1 registration, which did not ask, as a resident whose tenure is unknown', () => {
    expect(registry.currentVersion('ResidentRegistered')).toBe(2);
    expect(
      registry.upcast(storedV1('ResidentRegistered', { residentId: 'r1', name: 'N', registeredAt: 't' })),
    ).toMatchObject({ schemaVersion: 2, data: { residentId: 'r1', tenure: 'unknown' } });
  });

  it('reads a v1 start of the three ones as the community’s track, round 1, from the placement at normal', () =>
    expect(
      registry.upcast(
        storedV1('ServiceLevelStarted', {
          orderId: 'o1',
          communityId: 'c1',
          compoundId: 'k1',
          category: 'repair',
          placedAt: 't0',
          deadlines: [{ stage: 'accept', dueAt: 't1' }],
        }),
      ),
    ).toMatchObject({
      schemaVersion: 2,
      data: {
        orderId: 'o1',
        track: 'community',
        departmentId: null,
        round: 1,
        priority: 'normal',
        placedAt: 't0',
        startedAt: 't0',
      },
    }));

  it.each(['ServiceLevelRescheduled', 'StageReached', 'ServiceLevelBreached', 'ServiceLevelEnded'])(
    'reads a v1 %s as the community’s track, round 1',
    (type) =>
      expect(registry.upcast(storedV1(type, { orderId: 'o1', stage: 'accept' }))).toMatchObject({
        schemaVersion: 2,
        data: { orderId: 'o1', stage: 'accept', track: 'community', departmentId: null, round: 1 },
      }),
  );

  it('reads a v1 return as the community’s, keeping the round that went back', () =>
    expect(
      registry.upcast(storedV1('OrderReturned', { orderId: 'o1', reason: 'low-rating', round: 2, at: 't' }))
        .data,
    ).toEqual({
      orderId: 'o1',
      reason: 'low-rating',
      round: 2,
      at: 't',
      track: 'community',
      departmentId: null,
    }));
});
