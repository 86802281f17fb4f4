import { InvalidInput, InvalidTransition, NotYetKnown, OutOfScope, RuleViolation } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import type { BuildingLeader, NamedResident } from './building-leader';
import type { CompoundDirectory } from './compound-directory';
import { type MediationEvent, type OpenMediation, mediationDecider } from './mediation';

const given = deciderSpecification(mediationDecider);
const NOW = '2025-03-01T08:00:00.000Z';
const COMPOUND: CompoundDirectory = {
  status: 'known',
  compoundId: 'compound-1',
  communityId: 'community-1',
  buildingIds: ['building-1', 'building-2'],
};
const leader = (status: 'nominated' | 'approved' = 'approved'): BuildingLeader => ({
  status,
  leaderId: 'leader-1',
  communityId: 'community-1',
  compoundId: 'compound-1',
  residentId: 'resident-leader',
  buildingIds: ['building-1'],
  memberId: null,
  gridWorker: null,
  visits: {},
});
const resident = (residentId: string, compoundId = 'compound-1'): NamedResident => ({
  residentId,
  entry: { status: 'known', residentId, communityId: 'community-1', compoundId, buildingId: 'building-1' },
});
const openMediation = (overrides: Partial<OpenMediation['data']> = {}): OpenMediation => ({
  type: 'OpenMediation',
  data: {
    mediationId: 'mediation-1',
    mediatorId: 'leader-1',
    mediator: leader(),
    compound: COMPOUND,
    buildingId: 'building-2',
    residents: [resident('resident-1')],
    persons: ['Mr Wang (tenant, 602)'],
    summary: 'Water leaking from 602 into 502\nsince January',
    now: NOW,
    ...overrides,
  },
});
const opened: MediationEvent = {
  type: 'MediationOpened',
  data: {
    mediationId: 'mediation-1',
    leaderId: 'leader-1',
    communityId: 'community-1',
    compoundId: 'compound-1',
    buildingId: 'building-2',
    residentIds: ['resident-1'],
    persons: ['Mr Wang (tenant, 602)'],
    summary: 'Water leaking from 602 into 502\nsince January',
    openedAt: NOW,
  },
};
const session = (heldOn = '2025-03-01', mediatorId = 'leader-1') =>
  ({
    type: 'RecordSession',
    data: { sessionId: 'session-1', mediatorId, heldOn, notes: 'Both sides met', now: NOW },
  }) as const;
const sessionHeld: MediationEvent = {
  type: 'MediationSessionRecorded',
  data: {
    mediationId: 'mediation-1',
    sessionId: 'session-1',
    heldOn: '2025-03-01',
    notes: 'Both sides met',
    recordedAt: NOW,
  },
};
const outcome = (result: 'settled' | 'escalated', note = 'No agreement on repairs') =>
  ({ type: 'RecordOutcome', data: { mediatorId: 'leader-1', outcome: result, note, now: NOW } }) as const;
const escalated: MediationEvent = {
  type: 'MediationEscalated',
  data: {
    mediationId: 'mediation-1',
    leaderId: 'leader-1',
    residentId: 'resident-1',
    communityId: 'community-1',
    compoundId: 'compound-1',
    buildingId: 'building-2',
    title: 'Water leaking from 602 into 502',
    description: 'Water leaking from 602 into 502\nsince January\n\nMediation: No agreement on repairs',
    note: 'No agreement on repairs',
    escalatedAt: NOW,
  },
};

describe('mediation (矛盾调解)', () => {
  describe('opening', () => {
    it('an approved leader opens a mediation between a resident and a person named', () =>
      given([]).when(openMediation()).then([opened]));

    it('only an approved leader mediates', () =>
      given([])
        .when(openMediation({ mediator: leader('nominated') }))
        .thenThrows(RuleViolation, /not approved/));

    it('a dispute has at least two parties', () =>
      given([])
        .when(openMediation({ persons: [] }))
        .thenThrows(InvalidInput, /at least 2 parties/));

    it('a resident of another compound is out of scope; one not delivered here yet is not yet known', () => {
      given([])
        .when(openMediation({ residents: [resident('resident-x', 'compound-2')] }))
        .thenThrows(OutOfScope, /does not live in compound compound-1/);
      given([])
        .when(openMediation({ residents: [{ residentId: 'resident-9', entry: { status: 'absent' } }] }))
        .thenThrows(NotYetKnown, /resident resident-9/);
    });

    it('a building the compound is not known to have is not yet known', () =>
      given([])
        .when(openMediation({ buildingId: 'building-9' }))
        .thenThrows(NotYetKnown, /building building-9/));

    it('a mediation is opened once', () =>
      given([opened])
        .when(openMediation())
        .thenThrows(InvalidTransition, /already open/));
  });

  describe('sessions', () => {
    it('the mediator records a session held', () => given([opened]).when(session()).then([sessionHeld]));

    it('only the mediator records sessions', () =>
      given([opened])
        .when(session('2025-03-01', 'leader-2'))
        .thenThrows(RuleViolation, /not the mediator/));

    it('a session is held between the opening and today', () => {
      given([opened])
        .when(session('2025-02-28'))
        .thenThrows(InvalidInput, /on or after/);
      given([opened])
        .when(session('2025-03-02'))
        .thenThrows(InvalidInput, /not ahead/);
    });

    it('a decided mediation takes no more sessions', () =>
      given([
        opened,
        sessionHeld,
        { type: 'MediationSettled', data: { mediationId: 'mediation-1', note: '', settledAt: NOW } },
      ])
        .when(session())
        .thenThrows(InvalidTransition, /already settled/));
  });

  describe('outcome', () => {
    it('a mediation is settled', () =>
      given([opened, sessionHeld])
        .when(outcome('settled', 'Agreed to share the repair'))
        .then([
          {
            type: 'MediationSettled',
            data: { mediationId: 'mediation-1', note: 'Agreed to share the repair', settledAt: NOW },
          },
        ]));

    it('an escalated mediation asks for an order for its first resident party', () =>
      given([opened, sessionHeld]).when(outcome('escalated')).then([escalated]));

    it('an outcome follows at least one session', () =>
      given([opened])
        .when(outcome('settled'))
        .thenThrows(RuleViolation, /at least one mediation session/));

    it('an escalation needs a party who is a registered resident', () =>
      given([{ ...opened, data: { ...opened.data, residentIds: [], persons: ['A', 'B'] } }, sessionHeld])
        .when(outcome('escalated'))
        .thenThrows(RuleViolation, /no party is a registered resident/));

    it('the outcome is decided once', () =>
      given([opened, sessionHeld, escalated])
        .when(outcome('settled'))
        .thenThrows(InvalidTransition, /already escalated/));
  });

  describe('the order an escalation became', () => {
    const placed = { type: 'RecordOrderPlaced', data: { orderId: 'mediation-1', placedAt: NOW } } as const;

    it('the order of the mediation’s id is recorded once placed', () =>
      given([opened, sessionHeld, escalated])
        .when(placed)
        .then([
          {
            type: 'MediationOrderPlaced',
            data: { mediationId: 'mediation-1', orderId: 'mediation-1', placedAt: NOW },
          },
        ]));

    it('a redelivered placement, or any other order, is nothing new', () => {
      given([
        opened,
        sessionHeld,
        escalated,
        {
          type: 'MediationOrderPlaced',
          data: { mediationId: 'mediation-1', orderId: 'mediation-1', placedAt: NOW },
        },
      ])
        .when(placed)
        .thenNothingHappens();
      given([]).when(placed).thenNothingHappens();
      given([opened, sessionHeld]).when(placed).thenNothingHappens();
    });
  });
});
