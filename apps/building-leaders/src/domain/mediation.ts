import {
  type Decider,
  InvalidInput,
  InvalidTransition,
  NotYetKnown,
  OutOfScope,
  RuleViolation,
  assertNever,
} from '@cogov/decider';
import type { BuildingLeader, NamedResident } from './building-leader';
import type { CompoundDirectory } from './compound-directory';

/**
 * 矛盾调解: a building leader mediates a dispute between neighbours (people's mediation, the first
 * of 三调联动). It is settled, or escalated: then the residents' committee places an order of
 * category `neighbour-dispute` for it, and the mediation shows that order once placed.
 */
export type MediationOutcome = 'settled' | 'escalated';

/** A dispute is between at least two parties: neighbours the platform knows, or people named. */
export const MIN_PARTIES = 2;

export type OpenMediation = {
  type: 'OpenMediation';
  data: {
    mediationId: string;
    mediatorId: string;
    /** The mediator as this context knows them (loaded beforehand). */
    mediator: BuildingLeader;
    /** The mediator's compound, for the building the dispute is in. */
    compound: CompoundDirectory;
    buildingId: string;
    residents: readonly NamedResident[];
    /** Parties who are not registered residents, by name; kept in this stream, never published. */
    persons: readonly string[];
    summary: string;
    now: string;
  };
};

export type RecordSession = {
  type: 'RecordSession';
  data: { sessionId: string; mediatorId: string; heldOn: string; notes: string; now: string };
};

export type RecordOutcome = {
  type: 'RecordOutcome';
  data: { mediatorId: string; outcome: MediationOutcome; note: string; now: string };
};

/** The residents' committee placed an order: ours when it carries this mediation's id (ADR 0025). */
export type RecordOrderPlaced = { type: 'RecordOrderPlaced'; data: { orderId: string; placedAt: string } };

export type MediationCommand = OpenMediation | RecordSession | RecordOutcome | RecordOrderPlaced;

export type MediationOpened = {
  type: 'MediationOpened';
  data: {
    mediationId: string;
    leaderId: string;
    communityId: string;
    compoundId: string;
    buildingId: string;
    residentIds: string[];
    persons: string[];
    summary: string;
    openedAt: string;
  };
};
export type MediationSessionRecorded = {
  type: 'MediationSessionRecorded';
  data: { mediationId: string; sessionId: string; heldOn: string; notes: string; recordedAt: string };
};
export type MediationSettled = {
  type: 'MediationSettled';
  data: { mediationId: string; note: string; settledAt: string };
};
/** What the residents' committee needs to place the order: the resident it is placed for, and the dispute. */
export type MediationEscalated = {
  type: 'MediationEscalated';
  data: {
    mediationId: string;
    leaderId: string;
    residentId: string;
    communityId: string;
    compoundId: string;
    buildingId: string;
    title: string;
    description: string;
    note: string;
    escalatedAt: string;
  };
};
export type MediationOrderPlaced = {
  type: 'MediationOrderPlaced';
  data: { mediationId: string; orderId: string; placedAt: string };
};

export type MediationEvent =
  MediationOpened | MediationSessionRecorded | MediationSettled | MediationEscalated | MediationOrderPlaced;

export type MediationStage = 'open' | MediationOutcome;

export type Mediation =
  | { status: 'absent' }
  | {
      status: MediationStage;
      mediationId: string;
      leaderId: string;
      communityId: string;
      compoundId: string;
      buildingId: string;
      residentIds: readonly string[];
      persons: readonly string[];
      summary: string;
      openedAt: string;
      sessions: ReadonlyArray<{ sessionId: string; heldOn: string; notes: string }>;
      outcomeNote: string | null;
      decidedAt: string | null;
      /** The order an escalation became, once the residents' committee placed it. */
      orderId: string | null;
    };

type Known = Exclude<Mediation, { status: 'absent' }>;

export const initialState = (): Mediation => ({ status: 'absent' });

/** The order title is the summary's first line, within the order's 200 characters. */
const TITLE_MAX = 200;

export function decide(command: MediationCommand, state: Mediation): MediationEvent[] {
  switch (command.type) {
    case 'OpenMediation':
      return open(command.data, state);
    case 'RecordOrderPlaced':
      return orderPlaced(command.data, state);
    case 'RecordSession':
      return session(command.data, stillOpen(state, 'record a session', command.data.mediatorId));
    case 'RecordOutcome':
      return outcome(command.data, stillOpen(state, 'record an outcome', command.data.mediatorId));
    default:
      return assertNever(command);
  }
}

export function evolve(state: Mediation, event: MediationEvent): Mediation {
  if (event.type === 'MediationOpened') {
    const { openedAt, ...d } = event.data;
    return {
      status: 'open',
      ...d,
      openedAt,
      sessions: [],
      outcomeNote: null,
      decidedAt: null,
      orderId: null,
    };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'MediationSessionRecorded': {
      const { sessionId, heldOn, notes } = event.data;
      return { ...state, sessions: [...state.sessions, { sessionId, heldOn, notes }] };
    }
    case 'MediationSettled':
      return { ...state, status: 'settled', outcomeNote: event.data.note, decidedAt: event.data.settledAt };
    case 'MediationEscalated':
      return {
        ...state,
        status: 'escalated',
        outcomeNote: event.data.note,
        decidedAt: event.data.escalatedAt,
      };
    case 'MediationOrderPlaced':
      return { ...state, orderId: event.data.orderId };
    default:
      return assertNever(event);
  }
}

export const mediationDecider: Decider<MediationCommand, Mediation, MediationEvent> = {
  initialState,
  decide,
  evolve,
};

function open(d: OpenMediation['data'], state: Mediation): MediationEvent[] {
  if (state.status !== 'absent') {
    throw new InvalidTransition(state.status, 'open', `mediation ${state.mediationId} is already open`);
  }
  const { mediator, compound } = d;
  if (mediator.status !== 'approved') {
    throw new RuleViolation(
      `building leader ${d.mediatorId} is not approved: only a vetted leader mediates`,
      {
        mediatorId: d.mediatorId,
      },
    );
  }
  if (compound.status === 'absent') throw new NotYetKnown('compound', mediator.compoundId);
  if (!compound.buildingIds.includes(d.buildingId)) {
    throw new NotYetKnown(
      'building',
      d.buildingId,
      `building ${d.buildingId} is not known in compound ${mediator.compoundId} yet`,
    );
  }
  for (const { residentId, entry } of d.residents) {
    if (entry.status === 'absent') throw new NotYetKnown('resident', residentId);
    if (entry.compoundId !== mediator.compoundId) {
      throw new OutOfScope(
        'resident',
        residentId,
        `resident ${residentId} does not live in compound ${mediator.compoundId}`,
        { compoundId: entry.compoundId, wantedCompoundId: mediator.compoundId },
      );
    }
  }
  const persons = d.persons.map((p) => p.trim());
  if (persons.some((p) => p === '')) throw new InvalidInput('a party is named', { field: 'persons' });
  if (d.residents.length + persons.length < MIN_PARTIES) {
    throw new InvalidInput(`a dispute has at least ${MIN_PARTIES} parties: residents or people named`, {
      field: 'residentIds',
    });
  }
  if (d.summary.trim() === '') throw new InvalidInput('a mediation needs a summary', { field: 'summary' });
  return [
    {
      type: 'MediationOpened',
      data: {
        mediationId: d.mediationId,
        leaderId: mediator.leaderId,
        communityId: mediator.communityId,
        compoundId: mediator.compoundId,
        buildingId: d.buildingId,
        residentIds: d.residents.map((r) => r.residentId),
        persons,
        summary: d.summary,
        openedAt: d.now,
      },
    },
  ];
}

/** Sessions and the outcome come from the mediator while the mediation is open. */
function stillOpen(state: Mediation, verb: string, mediatorId: string): Known {
  if (state.status === 'absent') throw new InvalidTransition('absent', verb, 'no such mediation');
  if (state.status !== 'open') {
    throw new InvalidTransition(
      state.status,
      verb,
      `mediation ${state.mediationId} is already ${state.status}`,
    );
  }
  if (state.leaderId !== mediatorId) {
    throw new RuleViolation(
      `building leader ${mediatorId} is not the mediator of mediation ${state.mediationId}`,
      {
        mediatorId,
      },
    );
  }
  return state;
}

function session(d: RecordSession['data'], state: Known): MediationEvent[] {
  if (d.heldOn < state.openedAt.slice(0, 10)) {
    throw new InvalidInput(
      `a session is held on or after the day the mediation opened (${state.openedAt.slice(0, 10)})`,
      {
        field: 'heldOn',
      },
    );
  }
  if (d.heldOn > d.now.slice(0, 10)) {
    throw new InvalidInput('a session is recorded once held, not ahead', { field: 'heldOn' });
  }
  return [
    {
      type: 'MediationSessionRecorded',
      data: {
        mediationId: state.mediationId,
        sessionId: d.sessionId,
        heldOn: d.heldOn,
        notes: d.notes,
        recordedAt: d.now,
      },
    },
  ];
}

function outcome(d: RecordOutcome['data'], state: Known): MediationEvent[] {
  if (state.sessions.length === 0) {
    throw new RuleViolation('an outcome follows at least one mediation session', {
      mediationId: state.mediationId,
    });
  }
  if (d.outcome === 'settled') {
    return [
      { type: 'MediationSettled', data: { mediationId: state.mediationId, note: d.note, settledAt: d.now } },
    ];
  }
  // An order is a resident's: placed for the first party who is one, who will also rate it.
  const residentId = state.residentIds[0];
  if (residentId === undefined) {
    throw new RuleViolation(
      'an escalated dispute becomes an order for a resident: no party is a registered resident',
      {
        mediationId: state.mediationId,
      },
    );
  }
  const firstLine = state.summary.trim().split('\n')[0]!.trim();
  const title = firstLine.length > TITLE_MAX ? `${firstLine.slice(0, TITLE_MAX - 1)}…` : firstLine;
  const description = d.note.trim() === '' ? state.summary : `${state.summary}\n\nMediation: ${d.note}`;
  return [
    {
      type: 'MediationEscalated',
      data: {
        mediationId: state.mediationId,
        leaderId: state.leaderId,
        residentId,
        communityId: state.communityId,
        compoundId: state.compoundId,
        buildingId: state.buildingId,
        title,
        description,
        note: d.note,
        escalatedAt: d.now,
      },
    },
  ];
}

function orderPlaced(d: RecordOrderPlaced['data'], state: Mediation): MediationEvent[] {
  // Any other order, or one already recorded (a redelivery), is nothing to this mediation.
  if (state.status !== 'escalated' || state.orderId !== null || d.orderId !== state.mediationId) return [];
  return [
    {
      type: 'MediationOrderPlaced',
      data: { mediationId: state.mediationId, orderId: d.orderId, placedAt: d.placedAt },
    },
  ];
}
