import { InvalidTransition, NotFound, RuleViolation } from '@cogov/event-sourcing';
import { deciderSpecification } from '@cogov/event-sourcing/testing/decider-specification';
import { type CommunityEvent, communityDecider, isWorker } from './community';

const given = deciderSpecification(communityDecider);
const NOW = '2026-11-22T08:00:00.000Z';
const registered: CommunityEvent = {
  type: 'CommunityRegistered',
  data: { communityId: 'c1', name: 'Jianxian', streetName: 'Jianxi', registeredAt: NOW },
};
const appoint = (workerId: string, phone: string) =>
  ({ type: 'AppointWorker', data: { communityId: 'c1', workerId, name: 'Zhao', phone, role: 'grid-worker', now: NOW } }) as const;

describe('community (residents-committee)', () => {
  it('a community is registered once', () =>
    given([])
      .when({ type: 'RegisterCommunity', data: { communityId: 'c1', name: 'Jianxian', streetName: 'Jianxi', now: NOW } })
      .then([registered]));

  it('registering a community twice is refused', () =>
    given([registered])
      .when({ type: 'RegisterCommunity', data: { communityId: 'c1', name: 'Again', streetName: null, now: NOW } })
      .thenThrows(InvalidTransition, /already registered/));

  it('a worker is appointed to a registered community', () =>
    given([registered])
      .when(appoint('w1', '13700007777'))
      .then([{ type: 'WorkerAppointed', data: { communityId: 'c1', workerId: 'w1', name: 'Zhao', phone: '13700007777', role: 'grid-worker', appointedAt: NOW } }]));

  it('no worker is appointed to an unknown community', () =>
    given([]).when(appoint('w1', '13700007777')).thenThrows(NotFound, /community c1/));

  it('two workers of one community cannot share a phone, and the error masks it', () =>
    given([registered, { type: 'WorkerAppointed', data: { ...appoint('w1', '13700007777').data, appointedAt: NOW } }])
      .when(appoint('w2', '13700007777'))
      .thenThrows(RuleViolation, /137\*\*\*\*7777/));

  it('the state knows who works for the community', () => {
    const state = [registered, { type: 'WorkerAppointed', data: { ...appoint('w1', '1').data, appointedAt: NOW } } as CommunityEvent].reduce(
      communityDecider.evolve,
      communityDecider.initialState(),
    );
    expect(isWorker(state, 'w1')).toBe(true);
    expect(isWorker(state, 'w2')).toBe(false);
  });
});
