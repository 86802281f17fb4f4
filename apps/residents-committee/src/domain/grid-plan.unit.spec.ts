import { InvalidInput, NotFound, NotYetKnown, OutOfScope, RuleViolation } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  type DefineGrid,
  type FillGridPost,
  type GridDefined,
  type GridPlanEvent,
  type GridPostFilled,
  gridOf,
  gridPlanDecider,
} from './grid-plan';

const given = deciderSpecification(gridPlanDecider);
const NOW = '2026-03-01T08:00:00.000Z';
const C = 'community-1';

const defineGrid = (overrides: Partial<DefineGrid['data']> = {}): DefineGrid => ({
  type: 'DefineGrid',
  data: {
    communityId: C,
    communityExists: true,
    gridId: 'zone-1',
    name: 'Zone 1',
    level: 'zone',
    parentId: null,
    compounds: [{ compoundId: 'k-1', communityId: C }],
    buildings: [],
    now: NOW,
    ...overrides,
  },
});
const gridDefined = (overrides: Partial<GridDefined['data']> = {}): GridDefined => ({
  type: 'GridDefined',
  data: {
    communityId: C,
    gridId: 'zone-1',
    name: 'Zone 1',
    level: 'zone',
    parentId: null,
    compoundIds: ['k-1'],
    buildingIds: [],
    definedAt: NOW,
    ...overrides,
  },
});
const zone = gridDefined();
const grid = gridDefined({ gridId: 'grid-1', name: 'Grid 1', level: 'grid', parentId: 'zone-1' });
const basic = gridDefined({
  gridId: 'basic-1',
  name: 'Basic 1',
  level: 'basic-grid',
  parentId: 'grid-1',
  compoundIds: [],
  buildingIds: ['b-1'],
});

const fillPost = (overrides: Partial<FillGridPost['data']> = {}): FillGridPost => ({
  type: 'FillGridPost',
  data: {
    gridId: 'grid-1',
    postId: 'post-1',
    post: 'grid-leader',
    holderKind: 'member',
    holderId: 'm-1',
    holder: { status: 'known', communityId: C },
    now: NOW,
    ...overrides,
  },
});
const postFilled = (overrides: Partial<GridPostFilled['data']> = {}): GridPostFilled => ({
  type: 'GridPostFilled',
  data: {
    communityId: C,
    gridId: 'grid-1',
    postId: 'post-1',
    post: 'grid-leader',
    holderKind: 'member',
    holderId: 'm-1',
    filledAt: NOW,
    ...overrides,
  },
});

describe('grid plan (residents-committee)', () => {
  describe('defining grids', () => {
    it('a zone is defined with the compounds it covers', () => given([]).when(defineGrid()).then([zone]));

    it('a grid lies within a zone, a basic grid within a grid', () =>
      given([zone, grid])
        .when(
          defineGrid({
            gridId: 'basic-1',
            name: 'Basic 1',
            level: 'basic-grid',
            parentId: 'grid-1',
            compounds: [],
            buildings: [{ buildingId: 'b-1', compoundId: 'k-1' }],
          }),
        )
        .then([basic]));

    it('a zone has no parent', () =>
      given([zone])
        .when(defineGrid({ gridId: 'zone-2', parentId: 'zone-1' }))
        .thenThrows(RuleViolation, /no parent/));

    it('a basic grid whose parent is a zone is refused', () =>
      given([zone])
        .when(defineGrid({ gridId: 'b', level: 'basic-grid', parentId: 'zone-1', compounds: [] }))
        .thenThrows(RuleViolation, /parent of a basic-grid is a grid, not a zone/));

    it('a grid without a parent is refused', () =>
      given([])
        .when(defineGrid({ level: 'grid' }))
        .thenThrows(RuleViolation, /parentId is required/));

    it('a parent the community does not have is not found', () =>
      given([])
        .when(defineGrid({ level: 'grid', parentId: 'zone-9' }))
        .thenThrows(NotFound, /grid zone-9/));

    it('a compound of another community is out of scope', () =>
      given([])
        .when(defineGrid({ compounds: [{ compoundId: 'k-2', communityId: 'community-2' }] }))
        .thenThrows(OutOfScope, /compound k-2 lies in another community/));

    it('a compound nobody registered is not found', () =>
      given([])
        .when(defineGrid({ compounds: [{ compoundId: 'k-9', communityId: null }] }))
        .thenThrows(NotFound, /compound k-9/));

    it('a building found in none of the compounds around the grid is not found', () =>
      given([zone, grid])
        .when(
          defineGrid({
            gridId: 'basic-1',
            level: 'basic-grid',
            parentId: 'grid-1',
            compounds: [],
            buildings: [{ buildingId: 'b-9', compoundId: null }],
          }),
        )
        .thenThrows(NotFound, /building b-9 not found in community/));

    it('a compound lies in at most one grid of a level', () =>
      given([zone])
        .when(defineGrid({ gridId: 'zone-2' }))
        .thenThrows(RuleViolation, /k-1 already lies in zone zone-1/));

    it('a building lies in at most one grid of a level', () =>
      given([zone, grid, basic])
        .when(
          defineGrid({
            gridId: 'basic-2',
            level: 'basic-grid',
            parentId: 'grid-1',
            compounds: [],
            buildings: [{ buildingId: 'b-1', compoundId: 'k-1' }],
          }),
        )
        .thenThrows(RuleViolation, /b-1 already lies in basic-grid basic-1/));

    it('the community must exist', () =>
      given([])
        .when(defineGrid({ communityExists: false }))
        .thenThrows(NotFound, /community community-1/));
  });

  describe('posts', () => {
    it('a Party member is fixed to the grid as its leader', () =>
      given([zone, grid]).when(fillPost()).then([postFilled()]));

    it('one grid leader per grid', () =>
      given([zone, grid, postFilled()])
        .when(fillPost({ postId: 'post-2', holderId: 'm-2' }))
        .thenThrows(RuleViolation, /already has a grid leader/));

    it('a full-time grid worker is a worker of the community', () =>
      given([zone, grid])
        .when(
          fillPost({
            post: 'full-time-worker',
            holderKind: 'worker',
            holderId: 'w-9',
            holder: { status: 'absent' },
          }),
        )
        .thenThrows(NotFound, /worker w-9 not found in community/));

    it('a full-time worker held by a volunteer makes no sense', () =>
      given([zone, grid])
        .when(fillPost({ post: 'full-time-worker', holderKind: 'volunteer' }))
        .thenThrows(InvalidInput, /held by a worker/));

    it('a building leader not heard of yet is not yet known', () =>
      given([zone, grid])
        .when(
          fillPost({ post: 'part-time-worker', holderKind: 'building-leader', holder: { status: 'absent' } }),
        )
        .thenThrows(NotYetKnown, /building-leader m-1/));

    it('a member of another community is out of scope', () =>
      given([zone, grid])
        .when(fillPost({ holder: { status: 'known', communityId: 'community-2' } }))
        .thenThrows(OutOfScope, /another community/));

    it('a volunteer is recorded as named', () =>
      given([zone, grid])
        .when(fillPost({ post: 'part-time-worker', holderKind: 'volunteer', holder: { status: 'absent' } }))
        .then([postFilled({ post: 'part-time-worker', holderKind: 'volunteer' })]));

    it('a vacated post frees the grid leader’s place', () =>
      given([zone, grid, postFilled()])
        .when({ type: 'VacateGridPost', data: { gridId: 'grid-1', postId: 'post-1', now: NOW } })
        .then([
          {
            type: 'GridPostVacated',
            data: {
              communityId: C,
              gridId: 'grid-1',
              postId: 'post-1',
              post: 'grid-leader',
              holderKind: 'member',
              holderId: 'm-1',
              vacatedAt: NOW,
            },
          },
        ]));

    it('a post the grid does not have is not found', () =>
      given([zone, grid])
        .when({ type: 'VacateGridPost', data: { gridId: 'grid-1', postId: 'post-9', now: NOW } })
        .thenThrows(NotFound, /post post-9 not found in grid grid-1/));
  });

  describe('the grid an order falls in', () => {
    const state = [zone, grid, basic].reduce<ReturnType<typeof gridPlanDecider.initialState>>(
      (s, e: GridPlanEvent) => gridPlanDecider.evolve(s, e),
      gridPlanDecider.initialState(),
    );
    it('a building’s basic grid first', () => expect(gridOf(state, 'k-1', 'b-1')).toBe('basic-1'));
    it('else the compound’s grid', () => expect(gridOf(state, 'k-1', 'b-2')).toBe('grid-1'));
    it('none for a compound no grid covers', () => expect(gridOf(state, 'k-5', null)).toBeNull());
  });
});
