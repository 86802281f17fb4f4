import { InvalidTransition, NotFound, RuleViolation } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  type AppointWorker,
  type CommunityEvent,
  type CommunityRegistered,
  type RegisterCommunity,
  type WorkerAppointed,
  communityDecider,
  isWorker,
} from './community';

const given = deciderSpecification(communityDecider);
const NOW = '2026-03-01T08:00:00.000Z';

function registerCommunity(overrides: Partial<RegisterCommunity['data']> = {}): RegisterCommunity {
  return {
    type: 'RegisterCommunity',
    data: {
      communityId: 'community-1',
      name: 'Jianxin',
      streetName: 'Jianxi Street',
      street: null,
      now: NOW,
      ...overrides,
    },
  };
}

function communityRegistered(overrides: Partial<CommunityRegistered['data']> = {}): CommunityRegistered {
  return {
    type: 'CommunityRegistered',
    data: {
      communityId: 'community-1',
      name: 'Jianxin',
      streetName: 'Jianxi Street',
      streetId: null,
      registeredAt: NOW,
      ...overrides,
    },
  };
}

function appointWorker(overrides: Partial<AppointWorker['data']> = {}): AppointWorker {
  return {
    type: 'AppointWorker',
    data: {
      communityId: 'community-1',
      workerId: 'worker-1',
      name: 'Zhao Min',
      phone: '13700007777',
      role: 'grid-worker',
      now: NOW,
      ...overrides,
    },
  };
}

function workerAppointed(overrides: Partial<WorkerAppointed['data']> = {}): WorkerAppointed {
  return {
    type: 'WorkerAppointed',
    data: {
      communityId: 'community-1',
      workerId: 'worker-1',
      name: 'Zhao Min',
      phone: '13700007777',
      role: 'grid-worker',
      appointedAt: NOW,
      ...overrides,
    },
  };
}

const stateAfter = (events: readonly CommunityEvent[]) =>
  events.reduce(communityDecider.evolve, communityDecider.initialState());

describe('community (residents-committee)', () => {
  it('a community is registered with its street', () =>
    given([]).when(registerCommunity()).then([communityRegistered()]));

  it('a community may be registered before its street is known', () =>
    given([])
      .when(registerCommunity({ streetName: null }))
      .then([communityRegistered({ streetName: null })]));

  it('a community registered in a known street records it, and takes its name when it names none', () =>
    given([])
      .when(
        registerCommunity({
          streetName: null,
          street: { streetId: 'street-1', exists: true, name: 'Jianxi' },
        }),
      )
      .then([communityRegistered({ streetName: 'Jianxi', streetId: 'street-1' })]));

  it('a street nobody registered is not found, naming it', () =>
    given([])
      .when(registerCommunity({ street: { streetId: 'street-9', exists: false, name: null } }))
      .thenThrows(NotFound, /street street-9 not found/));

  it('a community is registered only once', () =>
    given([communityRegistered()])
      .when(registerCommunity({ name: 'Again' }))
      .thenThrows(InvalidTransition, /community community-1 is already registered/));

  it('a worker is appointed to a registered community', () =>
    given([communityRegistered()]).when(appointWorker()).then([workerAppointed()]));

  it('a community has workers of several roles', () =>
    given([communityRegistered(), workerAppointed()])
      .when(appointWorker({ workerId: 'worker-2', phone: '13900001111', role: 'director' }))
      .then([workerAppointed({ workerId: 'worker-2', phone: '13900001111', role: 'director' })]));

  it('no worker is appointed to an unknown community', () =>
    given([])
      .when(appointWorker())
      .thenThrows(NotFound, /community community-1 not found/));

  it('two workers of one community cannot share a phone', () =>
    given([communityRegistered(), workerAppointed()])
      .when(appointWorker({ workerId: 'worker-2' }))
      .thenThrows(RuleViolation, /already belongs to worker worker-1/));

  it('the phone clash message does not reveal the whole number', () =>
    given([communityRegistered(), workerAppointed()])
      .when(appointWorker({ workerId: 'worker-2' }))
      .thenThrows(RuleViolation, /^phone 137\*\*\*\*7777 /));

  it('a worker appointed to the community counts as its worker for a dispatch', () =>
    expect(isWorker(stateAfter([communityRegistered(), workerAppointed()]), 'worker-1')).toBe(true));

  it('someone never appointed to the community is not its worker', () =>
    expect(isWorker(stateAfter([communityRegistered(), workerAppointed()]), 'worker-9')).toBe(false));

  it('nobody is a worker of an unknown community', () =>
    expect(isWorker(stateAfter([]), 'worker-1')).toBe(false));
});
