import { type DatabaseConfig, SqlDatabase } from '@cogov/persistence';
import { freshPostgresSchema, freshSqlite } from '@cogov/persistence/testing/test-databases';
import {
  ORDER_FACT_ENTITIES,
  OrderFacts,
  OrderRating,
  StageServiceLevel,
} from '../orders/order-facts.entities';
import { rebuildOrderRollups, rollUpOrders } from '../orders/order-rollups';
import { ORDER_ROLLUP_ENTITIES } from '../orders/order-rollups.entities';
import { CommunityPlace, CompoundPlace, PLACE_ENTITIES, StreetPlace } from '../places/places.entities';
import { compoundFigures } from './linkage.figures.sql';
import { GridEntry, GridPostEntry, JointMeetingTaskEntry, LINKAGE_ENTITIES } from './linkage.entities';

const databases: Array<[string, () => DatabaseConfig & { cleanup?(): void }]> = [
  ['SQLite', freshSqlite],
  ['PostgreSQL', freshPostgresSchema],
];

const TODAY = '2026-12-02';
const AT = '2026-11-30T08:00:00.000Z';

/**
 * The figures a board counts from the rows, as the SQL of each dialect does it: how closed orders
 * were settled (the grid relation one and two levels up and down), which orders are open and
 * overdue, and which tasks are, over exactly the compounds of the scope.
 */
describe.each(databases)('the linkage figures of a board (%s)', (_name, makeConfig) => {
  const config = makeConfig();
  let db: SqlDatabase;

  const order = (orderId: string, fields: Partial<OrderFacts>): OrderFacts =>
    ({
      orderId,
      communityId: 'm1',
      compoundId: 'k1',
      gridId: 'g',
      placedAt: AT,
      ...fields,
    }) as OrderFacts;
  const rating = (orderId: string, round: number, reopened: boolean): OrderRating => ({
    orderId,
    round,
    score: reopened ? 1 : 5,
    reopened,
    ratedAt: AT,
  });
  const post = (postId: string, gridId: string, holderKind: string, holderId: string, vacated = false) =>
    ({
      postId,
      gridId,
      communityId: 'm1',
      post: 'part-time-worker',
      holderKind,
      holderId,
      filledAt: AT,
      vacatedAt: vacated ? AT : null,
    }) as GridPostEntry;
  const grid = (gridId: string, parentId: string | null): GridEntry => ({
    gridId,
    communityId: 'm1',
    name: gridId,
    level: 'grid',
    parentId,
    compoundIds: ['k1'],
  });

  beforeAll(async () => {
    db = await SqlDatabase.open(config, [
      ...PLACE_ENTITIES,
      ...ORDER_FACT_ENTITIES,
      ...ORDER_ROLLUP_ENTITIES,
      ...LINKAGE_ENTITIES,
    ]);
    await db.synchronizeEntities();
    const m = db.dataSource.manager;
    await m.save(StreetPlace, [
      { streetId: 's1', name: 'S1' },
      { streetId: 's2', name: 'S2' },
    ]);
    await m.save(CommunityPlace, [
      { communityId: 'm1', name: 'M1', streetId: 's1' },
      { communityId: 'm2', name: 'M2', streetId: 's2' },
    ]);
    await m.save(CompoundPlace, [
      { compoundId: 'k1', communityId: 'm1', name: 'K1' },
      { compoundId: 'k2', communityId: 'm1', name: 'K2' },
      { compoundId: 'k3', communityId: 'm2', name: 'K3' },
    ]);
    // A zone z over grid g over basic grid b; g2 is g's sibling, related to neither g nor b.
    await m.save(GridEntry, [grid('z', null), grid('g', 'z'), grid('b', 'g'), grid('g2', 'z')]);
    await m.save(GridPostEntry, [
      post('p1', 'z', 'member', 'M1'),
      post('p2', 'b', 'building-leader', 'L1'),
      post('p3', 'g2', 'member', 'M2'),
      post('p4', 'g', 'member', 'M3', true),
      // A worker with the Party member's id: another kind of person, not the executor.
      post('p5', 'g', 'worker', 'M4'),
    ]);
    await m.save(OrderFacts, [
      order('o1', { executorKind: 'member', executorId: 'M1' }),
      order('o2', { executorKind: 'building-leader', executorId: 'L1' }),
      order('o3', { executorKind: 'member', executorId: 'M2' }),
      order('o4', { executorKind: 'member', executorId: 'M3' }),
      order('o5', {
        executorKind: 'department',
        executorId: 'D1',
        whistledAt: AT,
        assigneeKind: 'department',
      }),
      order('o6', { gridId: 'b', executorKind: 'member', executorId: 'M1' }),
      order('o12', { executorKind: 'member', executorId: 'M4' }),
      order('o7', { assigneeKind: 'property-company', assigneeId: 'P1' }),
      // Reopened in round 1 and dispatched again for round 2: with the member.
      order('o8', { assignedRound: 2, assigneeKind: 'member', assigneeId: 'M1' }),
      // Reopened after its round's dispatch: waiting for the next one, with the residents' committee.
      order('o13', { assignedRound: 1, assigneeKind: 'property-company', assigneeId: 'P1' }),
      order('o9', { reviewDecision: 'reject' }),
      order('o10', {}),
      order('o11', { compoundId: 'k3', communityId: 'm2' }),
    ]);
    await m.save(OrderRating, [
      ...['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o12'].map((id) => rating(id, 1, false)),
      rating('o8', 1, true),
      rating('o13', 1, true),
    ]);
    await m.save(StageServiceLevel, [
      { orderId: 'o7', track: 'community', stage: 'on-site', breachedAt: AT } as StageServiceLevel,
      {
        orderId: 'o8',
        track: 'community',
        stage: 'on-site',
        reachedAt: AT,
        inTime: true,
      } as StageServiceLevel,
    ]);
    await m.save(JointMeetingTaskEntry, [
      {
        taskId: 't1',
        meetingId: 'j',
        compoundId: 'k1',
        communityId: 'm1',
        party: 'branch',
        dueOn: '2026-12-01',
        doneAt: null,
      },
      {
        taskId: 't2',
        meetingId: 'j',
        compoundId: 'k1',
        communityId: 'm1',
        party: 'branch',
        dueOn: TODAY,
        doneAt: null,
      },
      {
        taskId: 't3',
        meetingId: 'j',
        compoundId: 'k1',
        communityId: 'm1',
        party: 'branch',
        dueOn: '2026-11-01',
        doneAt: AT,
      },
    ]);
    // The rows were written here, not by the facts' handlers: their roll-ups are computed once.
    await rebuildOrderRollups(db);
  });
  afterAll(async () => {
    await db.close();
    config.cleanup?.();
  });

  it('given closed orders, the grid settled those whose executor holds a post one or two levels up or down', async () => {
    const [k1] = await compoundFigures(db, { level: 'compound', id: 'k1' }, TODAY);
    expect(k1!.orders.settlement).toMatchObject({
      closed: 7,
      withinGrid: 3,
      escalated: 1,
      withinCommunity: 3,
    });
  });

  it('given open orders, each is with its assignee’s party (nobody’s once reopened), and a breached one is overdue', async () => {
    const [k1] = await compoundFigures(db, { level: 'compound', id: 'k1' }, TODAY);
    expect(k1!.orders).toMatchObject({
      open: 4,
      overdue: 1,
      openByParty: {
        'property-company': 1,
        'party-organization': 1,
        'residents-committee': 2,
        department: 0,
      },
    });
  });

  it('given tasks, the open ones count, and those due before today are overdue', async () => {
    const [k1] = await compoundFigures(db, { level: 'compound', id: 'k1' }, TODAY);
    expect(k1!.jointMeetingTasks).toEqual({ open: 2, overdue: 1 });
  });

  it('given a rating delivered again, it is one row and counts once', async () => {
    const again = rating('o1', 1, false);
    await db.transaction((manager) =>
      rollUpOrders(
        () =>
          manager
            .getRepository(OrderRating)
            .upsert(again, ['orderId', 'round'])
            .then(() => {}),
        {
          manager,
          db,
          rows: [again],
        },
      ),
    );
    const [k1] = await compoundFigures(db, { level: 'compound', id: 'k1' }, TODAY);
    expect(k1!.orders.settlement.closed).toBe(7);
  });

  it('given a street, its compounds only, and a community its own', async () => {
    const street = await compoundFigures(db, { level: 'street', id: 's1' }, TODAY);
    expect(street.map((k) => k.compoundId)).toEqual(['k1', 'k2']);
    expect(street[1]!.orders).toMatchObject({
      open: 0,
      settlement: { closed: 0, shares: { withinGrid: null } },
    });
    const other = await compoundFigures(db, { level: 'community', id: 'm2' }, TODAY);
    expect(other.map((k) => [k.compoundId, k.orders.open])).toEqual([['k3', 1]]);
  });
});
