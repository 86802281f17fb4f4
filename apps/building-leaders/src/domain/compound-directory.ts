import { type Decider, assertNever } from '@cogov/decider';

/**
 * What the building leaders know of a compound (小区), from the residents' committee's published
 * facts: its community and its buildings. Only those facts write it; each carries the community,
 * so they may arrive in any order.
 */
export type CompoundDirectoryCommand =
  | { type: 'RecordCompound'; data: { compoundId: string; communityId: string } }
  | { type: 'RecordBuilding'; data: { compoundId: string; communityId: string; buildingId: string } };

export type CompoundDirectoryEvent =
  | { type: 'CompoundRecorded'; data: { compoundId: string; communityId: string } }
  | { type: 'BuildingRecorded'; data: { compoundId: string; communityId: string; buildingId: string } };

export type CompoundDirectory =
  | { status: 'absent' }
  | {
      status: 'known';
      compoundId: string;
      communityId: string;
      buildingIds: readonly string[];
    };

export const initialState = (): CompoundDirectory => ({ status: 'absent' });

export function decide(
  command: CompoundDirectoryCommand,
  state: CompoundDirectory,
): CompoundDirectoryEvent[] {
  switch (command.type) {
    case 'RecordCompound':
      return state.status === 'absent' ? [{ type: 'CompoundRecorded', data: { ...command.data } }] : [];
    case 'RecordBuilding':
      return state.status === 'known' && state.buildingIds.includes(command.data.buildingId)
        ? []
        : [{ type: 'BuildingRecorded', data: { ...command.data } }];
    default:
      return assertNever(command);
  }
}

export function evolve(state: CompoundDirectory, event: CompoundDirectoryEvent): CompoundDirectory {
  const known =
    state.status === 'known'
      ? state
      : {
          status: 'known' as const,
          compoundId: event.data.compoundId,
          communityId: event.data.communityId,
          buildingIds: [],
        };
  switch (event.type) {
    case 'CompoundRecorded':
      return known;
    case 'BuildingRecorded':
      return { ...known, buildingIds: [...known.buildingIds, event.data.buildingId] };
    default:
      return assertNever(event);
  }
}

export const compoundDirectoryDecider: Decider<
  CompoundDirectoryCommand,
  CompoundDirectory,
  CompoundDirectoryEvent
> = { initialState, decide, evolve };
