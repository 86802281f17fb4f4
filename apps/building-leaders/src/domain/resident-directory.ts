import { type Decider, assertNever } from '@cogov/decider';

/**
 * Where a resident (居民) lives, from the residents' committee's published fact: ids only, no
 * name or phone. Only that fact writes it.
 */
export type RecordResident = {
  type: 'RecordResident';
  data: { residentId: string; communityId: string; compoundId: string; buildingId: string };
};

export type ResidentRecorded = { type: 'ResidentRecorded'; data: RecordResident['data'] };

export type ResidentDirectoryEntry =
  | { status: 'absent' }
  | { status: 'known'; residentId: string; communityId: string; compoundId: string; buildingId: string };

export const initialState = (): ResidentDirectoryEntry => ({ status: 'absent' });

export function decide(command: RecordResident, state: ResidentDirectoryEntry): ResidentRecorded[] {
  switch (command.type) {
    case 'RecordResident':
      return state.status === 'absent' ? [{ type: 'ResidentRecorded', data: { ...command.data } }] : [];
    default:
      return assertNever(command.type);
  }
}

export function evolve(_state: ResidentDirectoryEntry, event: ResidentRecorded): ResidentDirectoryEntry {
  switch (event.type) {
    case 'ResidentRecorded':
      return { status: 'known', ...event.data };
    default:
      return assertNever(event.type);
  }
}

export const residentDirectoryDecider: Decider<RecordResident, ResidentDirectoryEntry, ResidentRecorded> = {
  initialState,
  decide,
  evolve,
};
