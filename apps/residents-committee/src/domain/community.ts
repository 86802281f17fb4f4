import { type Decider, InvalidTransition, NotFound, RuleViolation } from '@cogov/event-sourcing';

/** 主任 / 副主任 / 网格员 / 社区服务站: the roles of community workers. */
export type WorkerRole = 'director' | 'deputy' | 'grid-worker' | 'service-station';

export type RegisterCommunity = {
  type: 'RegisterCommunity';
  data: { communityId: string; name: string; streetName: string | null; now: string };
};
export type AppointWorker = {
  type: 'AppointWorker';
  data: { communityId: string; workerId: string; name: string; phone: string; role: WorkerRole; now: string };
};
export type CommunityCommand = RegisterCommunity | AppointWorker;

export type CommunityRegistered = {
  type: 'CommunityRegistered';
  data: { communityId: string; name: string; streetName: string | null; registeredAt: string };
};
export type WorkerAppointed = {
  type: 'WorkerAppointed';
  data: { communityId: string; workerId: string; name: string; phone: string; role: WorkerRole; appointedAt: string };
};
export type CommunityEvent = CommunityRegistered | WorkerAppointed;

/** 社区: a residential community and the workers of its residents' committee. */
export type CommunityState =
  | { status: 'absent' }
  | {
      status: 'registered';
      communityId: string;
      name: string;
      workers: Record<string, { role: WorkerRole; phone: string }>;
    };

export const initialState = (): CommunityState => ({ status: 'absent' });

export function decide(command: CommunityCommand, state: CommunityState): CommunityEvent[] {
  switch (command.type) {
    case 'RegisterCommunity': {
      if (state.status !== 'absent') {
        throw new InvalidTransition(state.status, 'register', `community ${command.data.communityId} is already registered`);
      }
      const { communityId, name, streetName, now } = command.data;
      return [{ type: 'CommunityRegistered', data: { communityId, name, streetName, registeredAt: now } }];
    }
    case 'AppointWorker': {
      const { communityId, workerId, name, phone, role, now } = command.data;
      if (state.status === 'absent') throw new NotFound('community', communityId);
      const clash = Object.entries(state.workers).find(([, w]) => w.phone === phone);
      if (clash) {
        throw new RuleViolation(`phone ${maskPhone(phone)} already belongs to worker ${clash[0]} of this community`, {
          workerId: clash[0],
        });
      }
      return [{ type: 'WorkerAppointed', data: { communityId, workerId, name, phone, role, appointedAt: now } }];
    }
  }
}

export function evolve(state: CommunityState, event: CommunityEvent): CommunityState {
  switch (event.type) {
    case 'CommunityRegistered':
      return { status: 'registered', communityId: event.data.communityId, name: event.data.name, workers: {} };
    case 'WorkerAppointed':
      if (state.status === 'absent') return state;
      return {
        ...state,
        workers: { ...state.workers, [event.data.workerId]: { role: event.data.role, phone: event.data.phone } },
      };
  }
}

export const communityDecider: Decider<CommunityCommand, CommunityState, CommunityEvent> = {
  initialState,
  decide,
  evolve,
};

export function isWorker(state: CommunityState, workerId: string): boolean {
  return state.status === 'registered' && workerId in state.workers;
}

/** Error messages may reach logs; a phone number never does in full. */
export function maskPhone(phone: string): string {
  return phone.length <= 7 ? '****' : `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
