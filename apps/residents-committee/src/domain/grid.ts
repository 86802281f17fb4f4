import { type Decider, RuleViolation } from '@cogov/decider';

export type LocateGrid = { type: 'LocateGrid'; data: { gridId: string; communityId: string } };
export type GridLocated = { type: 'GridLocated'; data: { gridId: string; communityId: string } };

/**
 * Where a grid lives: its community's grid plan holds the grid, this one-event stream lets a
 * grid's routes find that plan from the grid's id alone (the access guard and the handlers).
 * Written before the plan: a crash between the two leaves a pointer to a grid the plan does not
 * have, which reads as absent, never a grid nobody can reach.
 */
export type GridLocation = { status: 'absent' } | { status: 'located'; communityId: string };

export const gridLocationDecider: Decider<LocateGrid, GridLocation, GridLocated> = {
  initialState: () => ({ status: 'absent' }),
  decide: ({ data }, state) => {
    if (state.status === 'located') {
      if (state.communityId === data.communityId) return [];
      throw new RuleViolation(`grid ${data.gridId} lies in another community`, { gridId: data.gridId });
    }
    return [{ type: 'GridLocated', data }];
  },
  evolve: (_state, event) => ({ status: 'located', communityId: event.data.communityId }),
};
