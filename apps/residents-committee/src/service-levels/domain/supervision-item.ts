import {
  type Decider,
  InvalidInput,
  InvalidTransition,
  NotFound,
  RuleViolation,
  assertNever,
} from '@cogov/decider';

/** What the supervision list knows of the item: raised by a breach or a return of its order. */
export type RaisedItem = { orderId: string; communityId: string; stage: string };

type Base = { itemId: string; item: RaisedItem | null; by: string; now: string };

/** 督办: a supervisor (a worker of the order's community) follows the item up. */
export type AssignSupervisor = {
  type: 'AssignSupervisor';
  data: Base & { supervisorId: string; supervisorIsWorkerOfCommunity: boolean };
};
export type AddSupervisionNote = { type: 'AddSupervisionNote'; data: Base & { note: string } };
export type ResolveSupervisionItem = { type: 'ResolveSupervisionItem'; data: Base & { note: string } };

export type SupervisionCommand = AssignSupervisor | AddSupervisionNote | ResolveSupervisionItem;

export type SupervisorAssigned = {
  type: 'SupervisorAssigned';
  data: { itemId: string; orderId: string; supervisorId: string; assignedBy: string; assignedAt: string };
};
export type SupervisionNoteAdded = {
  type: 'SupervisionNoteAdded';
  data: { itemId: string; orderId: string; note: string; by: string; at: string };
};
export type SupervisionItemResolved = {
  type: 'SupervisionItemResolved';
  data: { itemId: string; orderId: string; note: string; by: string; resolvedAt: string };
};
export type SupervisionEvent = SupervisorAssigned | SupervisionNoteAdded | SupervisionItemResolved;

export type SupervisionState =
  { status: 'untouched' } | { status: 'open' | 'resolved'; supervisorId: string | null };

export const initialState = (): SupervisionState => ({ status: 'untouched' });

export function decide(command: SupervisionCommand, state: SupervisionState): SupervisionEvent[] {
  const { itemId, item, by, now } = command.data;
  if (item === null) throw new NotFound('supervision item', itemId);
  if (state.status === 'resolved') {
    throw new InvalidTransition('resolved', verb(command), `supervision item ${itemId} has been resolved`);
  }
  const base = { itemId, orderId: item.orderId };
  switch (command.type) {
    case 'AssignSupervisor': {
      const d = command.data;
      if (!d.supervisorIsWorkerOfCommunity) {
        throw new RuleViolation(`${d.supervisorId} is not a worker of community ${item.communityId}`, {
          supervisorId: d.supervisorId,
          communityId: item.communityId,
        });
      }
      if (state.status === 'open' && state.supervisorId === d.supervisorId) return [];
      return [
        {
          type: 'SupervisorAssigned',
          data: { ...base, supervisorId: d.supervisorId, assignedBy: by, assignedAt: now },
        },
      ];
    }
    case 'AddSupervisionNote':
      return [
        { type: 'SupervisionNoteAdded', data: { ...base, note: noteOf(command.data.note), by, at: now } },
      ];
    case 'ResolveSupervisionItem':
      return [
        {
          type: 'SupervisionItemResolved',
          data: { ...base, note: noteOf(command.data.note), by, resolvedAt: now },
        },
      ];
    default:
      return assertNever(command);
  }
}

export function evolve(state: SupervisionState, event: SupervisionEvent): SupervisionState {
  const supervisorId = state.status === 'untouched' ? null : state.supervisorId;
  switch (event.type) {
    case 'SupervisorAssigned':
      return { status: 'open', supervisorId: event.data.supervisorId };
    case 'SupervisionNoteAdded':
      return { status: 'open', supervisorId };
    case 'SupervisionItemResolved':
      return { status: 'resolved', supervisorId };
    default:
      return assertNever(event);
  }
}

export const supervisionDecider: Decider<SupervisionCommand, SupervisionState, SupervisionEvent> = {
  initialState,
  decide,
  evolve,
};

function noteOf(note: string): string {
  const trimmed = note.trim();
  if (trimmed === '') throw new InvalidInput('a supervision note must say something');
  return trimmed;
}

const verb = (command: SupervisionCommand) =>
  command.type === 'AssignSupervisor' ? 'assign' : command.type === 'AddSupervisionNote' ? 'note' : 'resolve';
