import { type Decider, InvalidTransition, NotFound, RuleViolation, assertNever } from '@cogov/decider';

/** 主任 / 副主任 / 网格员 / 社区服务站: the posts of the residents' committee's workers. */
export type WorkerRole = 'director' | 'deputy' | 'grid-worker' | 'service-station';

export type RegisterCommunity = {
  type: 'RegisterCommunity';
  data: {
    communityId: string;
    name: string;
    streetName: string | null;
    /** The street named, as the handler found it (ADR 21); null when none was named. */
    street: { streetId: string; exists: boolean; name: string | null } | null;
    now: string;
  };
};

export type AppointWorker = {
  type: 'AppointWorker';
  data: { communityId: string; workerId: string; name: string; phone: string; role: WorkerRole; now: string };
};

export type CommunityCommand = RegisterCommunity | AppointWorker;

export type CommunityRegistered = {
  type: 'CommunityRegistered';
  data: {
    communityId: string;
    name: string;
    streetName: string | null;
    /** v2: the street (街道) the community belongs to; v1 communities have none. */
    streetId: string | null;
    registeredAt: string;
  };
};

/** Name and phone stay in this stream; the published contracts leave workers out. */
export type WorkerAppointed = {
  type: 'WorkerAppointed';
  data: {
    communityId: string;
    workerId: string;
    name: string;
    phone: string;
    role: WorkerRole;
    appointedAt: string;
  };
};

export type CommunityEvent = CommunityRegistered | WorkerAppointed;

/** 社区: a residential community and the workers of its residents' committee. */
export type CommunityState =
  | { status: 'absent' }
  | {
      status: 'registered';
      communityId: string;
      name: string;
      streetId: string | null;
      /** Kept so a dispatch can be checked against the community's own staff. */
      workers: Record<string, { role: WorkerRole; phone: string }>;
    };

export const initialState = (): CommunityState => ({ status: 'absent' });

export function decide(command: CommunityCommand, state: CommunityState): CommunityEvent[] {
  switch (command.type) {
    case 'RegisterCommunity':
      return register(command.data, state);
    case 'AppointWorker':
      return appoint(command.data, state);
    default:
      return assertNever(command);
  }
}

export function evolve(state: CommunityState, event: CommunityEvent): CommunityState {
  switch (event.type) {
    case 'CommunityRegistered':
      return {
        status: 'registered',
        communityId: event.data.communityId,
        name: event.data.name,
        streetId: event.data.streetId ?? null,
        workers: {},
      };
    case 'WorkerAppointed': {
      if (state.status === 'absent') return state;
      const { workerId, role, phone } = event.data;
      return { ...state, workers: { ...state.workers, [workerId]: { role, phone } } };
    }
    default:
      return assertNever(event);
  }
}

export const communityDecider: Decider<CommunityCommand, CommunityState, CommunityEvent> = {
  initialState,
  decide,
  evolve,
};

export function isWorker(state: CommunityState, workerId: string): boolean {
  return state.status === 'registered' && Object.hasOwn(state.workers, workerId);
}

/** Error messages may reach logs and HTTP bodies; a phone number never does in full. */
export function maskPhone(phone: string): string {
  return phone.length <= 7 ? '****' : `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

function register(command: RegisterCommunity['data'], state: CommunityState): CommunityEvent[] {
  if (state.status !== 'absent') {
    throw new InvalidTransition(
      state.status,
      'register',
      `community ${state.communityId} is already registered`,
    );
  }
  const { communityId, name, street, now } = command;
  if (street !== null && !street.exists) throw new NotFound('street', street.streetId);
  // A community registered in a known street takes the street's name unless it names one itself.
  const streetName = command.streetName ?? street?.name ?? null;
  return [
    {
      type: 'CommunityRegistered',
      data: { communityId, name, streetName, streetId: street?.streetId ?? null, registeredAt: now },
    },
  ];
}

function appoint(command: AppointWorker['data'], state: CommunityState): CommunityEvent[] {
  const { communityId, workerId, name, phone, role, now } = command;
  if (state.status === 'absent') throw new NotFound('community', communityId);
  const holder = Object.entries(state.workers).find(([, worker]) => worker.phone === phone)?.[0];
  if (holder !== undefined) {
    throw new RuleViolation(
      `phone ${maskPhone(phone)} already belongs to worker ${holder} of this community`,
      {
        workerId: holder,
      },
    );
  }
  return [{ type: 'WorkerAppointed', data: { communityId, workerId, name, phone, role, appointedAt: now } }];
}
