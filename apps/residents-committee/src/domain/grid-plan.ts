import {
  type Decider,
  InvalidInput,
  InvalidTransition,
  NotFound,
  NotYetKnown,
  OutOfScope,
  RuleViolation,
  assertNever,
} from '@cogov/decider';

/** 片区 / 网格 / 基础网格: the three levels a community's area is divided into. */
export const GRID_LEVELS = ['zone', 'grid', 'basic-grid'] as const;
export type GridLevel = (typeof GRID_LEVELS)[number];

/** 网格长 / 专职网格员 / 兼职网格员. */
export const GRID_POSTS = ['grid-leader', 'full-time-worker', 'part-time-worker'] as const;
export type GridPost = (typeof GRID_POSTS)[number];

export const HOLDER_KINDS = ['worker', 'member', 'building-leader', 'volunteer'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];

/** Who may hold each post: the grid leader is the community's Party secretary or a worker. */
const HOLDERS_OF: Record<GridPost, readonly HolderKind[]> = {
  'grid-leader': ['worker', 'member'],
  'full-time-worker': ['worker'],
  'part-time-worker': ['building-leader', 'member', 'volunteer'],
};

const PARENT_LEVEL: Record<GridLevel, GridLevel | null> = { zone: null, grid: 'zone', 'basic-grid': 'grid' };

/** A compound named, as the handler found it: its community, or null when it does not exist. */
export type CompoundFact = { compoundId: string; communityId: string | null };
/** A building named, and the compound it was found in (null: in none the handler searched). */
export type BuildingFact = { buildingId: string; compoundId: string | null };
/**
 * A holder named, as the handler found it: `absent` for a worker nobody appointed here, or for
 * another context's id this context has not heard of yet; otherwise the community it belongs to.
 */
export type HolderFact = { status: 'absent' } | { status: 'known'; communityId: string };

export type DefineGrid = {
  type: 'DefineGrid';
  data: {
    communityId: string;
    communityExists: boolean;
    gridId: string;
    name: string;
    level: GridLevel;
    parentId: string | null;
    compounds: CompoundFact[];
    buildings: BuildingFact[];
    now: string;
  };
};

export type FillGridPost = {
  type: 'FillGridPost';
  data: {
    gridId: string;
    postId: string;
    post: GridPost;
    holderKind: HolderKind;
    holderId: string;
    holder: HolderFact;
    now: string;
  };
};

export type VacateGridPost = {
  type: 'VacateGridPost';
  data: { gridId: string; postId: string; now: string };
};

export type GridPlanCommand = DefineGrid | FillGridPost | VacateGridPost;

export type GridDefined = {
  type: 'GridDefined';
  data: {
    communityId: string;
    gridId: string;
    name: string;
    level: GridLevel;
    parentId: string | null;
    compoundIds: string[];
    buildingIds: string[];
    definedAt: string;
  };
};

export type GridPostFilled = {
  type: 'GridPostFilled';
  data: {
    communityId: string;
    gridId: string;
    postId: string;
    post: GridPost;
    holderKind: HolderKind;
    holderId: string;
    filledAt: string;
  };
};

export type GridPostVacated = {
  type: 'GridPostVacated';
  data: {
    communityId: string;
    gridId: string;
    postId: string;
    post: GridPost;
    holderKind: HolderKind;
    holderId: string;
    vacatedAt: string;
  };
};

export type GridPlanEvent = GridDefined | GridPostFilled | GridPostVacated;

export interface PostHolding {
  readonly post: GridPost;
  readonly holderKind: HolderKind;
  readonly holderId: string;
}

export interface Grid {
  readonly gridId: string;
  readonly name: string;
  readonly level: GridLevel;
  readonly parentId: string | null;
  readonly compoundIds: readonly string[];
  readonly buildingIds: readonly string[];
  readonly posts: Readonly<Record<string, PostHolding>>;
  readonly definedAt: string;
}

/**
 * 网格化管理: every grid of one community in one stream. A compound or building lies in at most
 * one grid of each level; one stream makes that rule atomic (two definitions at once: the
 * second re-decides on the first and is refused) at the cost of serializing a community's grid
 * edits, which are rare staff work.
 */
export type GridPlanState =
  { status: 'empty' } | { status: 'planned'; communityId: string; grids: Readonly<Record<string, Grid>> };

export const initialState = (): GridPlanState => ({ status: 'empty' });

export function decide(command: GridPlanCommand, state: GridPlanState): GridPlanEvent[] {
  switch (command.type) {
    case 'DefineGrid':
      return define(command.data, state);
    case 'FillGridPost':
      return fill(command.data, state);
    case 'VacateGridPost':
      return vacate(command.data, state);
    default:
      return assertNever(command);
  }
}

export function evolve(state: GridPlanState, event: GridPlanEvent): GridPlanState {
  switch (event.type) {
    case 'GridDefined': {
      const { communityId, gridId, name, level, parentId, compoundIds, buildingIds, definedAt } = event.data;
      const grids = state.status === 'planned' ? state.grids : {};
      const grid: Grid = { gridId, name, level, parentId, compoundIds, buildingIds, posts: {}, definedAt };
      return { status: 'planned', communityId, grids: { ...grids, [gridId]: grid } };
    }
    case 'GridPostFilled': {
      if (state.status !== 'planned') return state;
      const { gridId, postId, post, holderKind, holderId } = event.data;
      const grid = state.grids[gridId];
      if (!grid) return state;
      const posts = { ...grid.posts, [postId]: { post, holderKind, holderId } };
      return { ...state, grids: { ...state.grids, [gridId]: { ...grid, posts } } };
    }
    case 'GridPostVacated': {
      if (state.status !== 'planned') return state;
      const grid = state.grids[event.data.gridId];
      if (!grid) return state;
      const { [event.data.postId]: _vacated, ...posts } = grid.posts;
      return { ...state, grids: { ...state.grids, [grid.gridId]: { ...grid, posts } } };
    }
    default:
      return assertNever(event);
  }
}

export const gridPlanDecider: Decider<GridPlanCommand, GridPlanState, GridPlanEvent> = {
  initialState,
  decide,
  evolve,
};

export function gridsOf(state: GridPlanState): Grid[] {
  return state.status === 'planned' ? Object.values(state.grids) : [];
}

/** The compounds a grid and its ancestors cover: where a building named for it is looked up. */
export function compoundsAround(state: GridPlanState, parentId: string | null): string[] {
  const found: string[] = [];
  let grid = parentId === null || state.status !== 'planned' ? undefined : state.grids[parentId];
  while (grid && state.status === 'planned') {
    found.push(...grid.compoundIds);
    grid = grid.parentId === null ? undefined : state.grids[grid.parentId];
  }
  return found;
}

/**
 * The grid an order at a compound (and building) falls in: the most specific level wins, and a
 * building's own assignment before its compound's; null when no grid covers either.
 */
export function gridOf(state: GridPlanState, compoundId: string, buildingId: string | null): string | null {
  const grids = gridsOf(state);
  for (const level of ['basic-grid', 'grid'] as const) {
    const atLevel = grids.filter((grid) => grid.level === level);
    const byBuilding =
      buildingId === null ? undefined : atLevel.find((grid) => grid.buildingIds.includes(buildingId));
    const byCompound = atLevel.find((grid) => grid.compoundIds.includes(compoundId));
    const hit = byBuilding ?? byCompound;
    if (hit) return hit.gridId;
  }
  return null;
}

function define(command: DefineGrid['data'], state: GridPlanState): GridPlanEvent[] {
  const { communityId, gridId, name, level, parentId, compounds, buildings, now } = command;
  if (!command.communityExists) throw new NotFound('community', communityId);
  const grids = state.status === 'planned' ? state.grids : {};
  if (grids[gridId]) throw new InvalidTransition('defined', 'define', `grid ${gridId} is already defined`);
  const wantedParent = PARENT_LEVEL[level];
  if (wantedParent === null && parentId !== null) {
    throw new RuleViolation('a zone is the top level of a community and has no parent', { parentId });
  }
  if (wantedParent !== null) {
    if (parentId === null) {
      throw new RuleViolation(`a ${level} lies within a ${wantedParent}: parentId is required`, { level });
    }
    const parent = grids[parentId];
    if (!parent) throw new NotFound('grid', parentId, { entity: 'community', id: communityId });
    if (parent.level !== wantedParent) {
      throw new RuleViolation(`the parent of a ${level} is a ${wantedParent}, not a ${parent.level}`, {
        parentId,
        parentLevel: parent.level,
      });
    }
  }
  for (const compound of compounds) {
    if (compound.communityId === null) throw new NotFound('compound', compound.compoundId);
    if (compound.communityId !== communityId) {
      throw new OutOfScope(
        'compound',
        compound.compoundId,
        `compound ${compound.compoundId} lies in another community`,
        { communityId: compound.communityId, wanted: communityId },
      );
    }
  }
  for (const building of buildings) {
    if (building.compoundId === null) {
      throw new NotFound('building', building.buildingId, { entity: 'community', id: communityId });
    }
  }
  const sameLevel = Object.values(grids).filter((grid) => grid.level === level);
  for (const { compoundId } of compounds) {
    const holder = sameLevel.find((grid) => grid.compoundIds.includes(compoundId));
    if (holder) {
      throw new RuleViolation(`compound ${compoundId} already lies in ${level} ${holder.gridId}`, {
        compoundId,
        gridId: holder.gridId,
      });
    }
  }
  for (const { buildingId } of buildings) {
    const holder = sameLevel.find((grid) => grid.buildingIds.includes(buildingId));
    if (holder) {
      throw new RuleViolation(`building ${buildingId} already lies in ${level} ${holder.gridId}`, {
        buildingId,
        gridId: holder.gridId,
      });
    }
  }
  return [
    {
      type: 'GridDefined',
      data: {
        communityId,
        gridId,
        name,
        level,
        parentId,
        compoundIds: compounds.map((c) => c.compoundId),
        buildingIds: buildings.map((b) => b.buildingId),
        definedAt: now,
      },
    },
  ];
}

function fill(command: FillGridPost['data'], state: GridPlanState): GridPlanEvent[] {
  const { gridId, postId, post, holderKind, holderId, holder, now } = command;
  const grid = state.status === 'planned' ? state.grids[gridId] : undefined;
  if (state.status !== 'planned' || !grid) throw new NotFound('grid', gridId);
  const { communityId } = state;
  if (!HOLDERS_OF[post].includes(holderKind)) {
    throw new InvalidInput(`a ${post} is held by a ${HOLDERS_OF[post].join(' or ')}, not a ${holderKind}`, {
      field: 'holderKind',
    });
  }
  if (grid.posts[postId]) throw new InvalidTransition('filled', 'fill', `post ${postId} is already filled`);
  if (holderKind !== 'volunteer') {
    if (holder.status === 'absent') {
      // Workers are this context's own: one nobody appointed does not exist. The others are
      // heard of from other contexts and may simply not have arrived yet.
      if (holderKind === 'worker')
        throw new NotFound('worker', holderId, { entity: 'community', id: communityId });
      throw new NotYetKnown(holderKind, holderId);
    }
    if (holder.communityId !== communityId) {
      throw new OutOfScope(holderKind, holderId, `${holderKind} ${holderId} belongs to another community`, {
        communityId: holder.communityId,
        wanted: communityId,
      });
    }
  }
  const held = Object.entries(grid.posts);
  const leader = held.find(([, holding]) => holding.post === 'grid-leader');
  if (post === 'grid-leader' && leader) {
    throw new RuleViolation(`grid ${gridId} already has a grid leader`, { postId: leader[0] });
  }
  const same = held.find(
    ([, holding]) =>
      holding.post === post && holding.holderKind === holderKind && holding.holderId === holderId,
  );
  if (same) {
    throw new RuleViolation(`${holderKind} ${holderId} already holds this post on grid ${gridId}`, {
      postId: same[0],
    });
  }
  return [
    {
      type: 'GridPostFilled',
      data: { communityId, gridId, postId, post, holderKind, holderId, filledAt: now },
    },
  ];
}

function vacate(command: VacateGridPost['data'], state: GridPlanState): GridPlanEvent[] {
  const { gridId, postId, now } = command;
  const grid = state.status === 'planned' ? state.grids[gridId] : undefined;
  if (state.status !== 'planned' || !grid) throw new NotFound('grid', gridId);
  const holding = grid.posts[postId];
  if (!holding) throw new NotFound('post', postId, { entity: 'grid', id: gridId });
  return [
    {
      type: 'GridPostVacated',
      data: { communityId: state.communityId, gridId, postId, ...holding, vacatedAt: now },
    },
  ];
}
