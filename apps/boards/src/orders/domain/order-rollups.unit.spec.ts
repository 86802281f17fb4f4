import {
  emptySnapshot,
  type OrderRow,
  type OrderSnapshot,
  orderTally,
  rateShares,
  rollupDelta,
  type ServiceLevelRow,
} from './order-rollups';

const PLACED = '2030-03-01T23:59:00.000Z';
const order = (fields: Partial<OrderRow> = {}): OrderRow => ({
  communityId: 'c1',
  compoundId: 'k1',
  gridId: 'g1',
  placedAt: PLACED,
  branchId: 'b1',
  reviewDecision: 'approve',
  assignedRound: 1,
  assigneeKind: 'member',
  assigneeId: 'm1',
  whistledAt: null,
  departmentId: null,
  executorKind: null,
  executorId: null,
  ...fields,
});
const deadline = (stage: string, fields: Partial<ServiceLevelRow> = {}): ServiceLevelRow => ({
  track: 'community',
  stage,
  startedAt: PLACED,
  dueAt: '2030-03-02T00:00:30.000Z',
  reachedAt: null,
  inTime: null,
  breachedAt: null,
  ...fields,
});
const snapshot = (o: Partial<OrderSnapshot>): OrderSnapshot => ({ ...emptySnapshot, ...o });

describe('an order’s shares of the rates', () => {
  it('given only deadlines and ratings of an order whose row has not come, it counts nowhere yet', () => {
    expect(rateShares(snapshot({ serviceLevels: [deadline('accept')] }))).toEqual([]);
  });

  it('given a placed order, it counts once on its placement’s UTC day in the row of every level it has', () => {
    const shares = rateShares(snapshot({ order: order() }));
    expect(shares.map((s) => [s.level, s.rowId, s.day, s.figures.orders])).toEqual([
      ['community', 'c1', '2030-03-01', 1],
      ['grid', 'g1', '2030-03-01', 1],
      ['branch', 'b1', '2030-03-01', 1],
      ['member', 'm1', '2030-03-01', 1],
    ]);
  });

  it('given a deadline due the next day, reached in time, it is due and met on its due day', () => {
    const [community] = rateShares(
      snapshot({
        order: order(),
        serviceLevels: [deadline('accept', { reachedAt: '2030-03-02T00:00:10.000Z', inTime: true })],
      }),
    ).filter((s) => s.level === 'community' && s.day === '2030-03-02');
    expect(community!.figures).toMatchObject({
      acceptDue: 1,
      acceptInTime: 1,
      reachedAccept: 1,
      reachedMsAccept: 70_000,
    });
  });

  it('given a completed order a rating reopened, its completion is due but not resolved', () => {
    const shares = rateShares(
      snapshot({
        order: order(),
        serviceLevels: [deadline('complete', { reachedAt: PLACED, inTime: true })],
        ratings: [{ round: 1, score: 2, reopened: true, ratedAt: '2030-03-03T08:00:00.000Z' }],
      }),
    ).filter((s) => s.level === 'community');
    const due = shares.find((s) => s.day === '2030-03-02')!.figures;
    expect([due.completeDue, due.resolved]).toEqual([1, 0]);
    const rated = shares.find((s) => s.day === '2030-03-03')!.figures;
    expect([rated.ratings, rated.satisfied]).toEqual([1, 0]);
  });

  it('given a department’s deadlines, they count for the department, not for the community’s rows', () => {
    const shares = rateShares(
      snapshot({
        order: order({ departmentId: 'd1', whistledAt: PLACED }),
        serviceLevels: [deadline('accept', { track: 'department' })],
      }),
    );
    const due = (level: string) =>
      shares.filter((s) => s.level === level).reduce((n, s) => n + s.figures.acceptDue, 0);
    expect([due('department'), due('community')]).toEqual([1, 0]);
  });
});

describe('what the roll-ups change by', () => {
  it('given the same order before and after (a fact delivered again), nothing changes', () => {
    const same = snapshot({ order: order(), serviceLevels: [deadline('accept')] });
    expect(rollupDelta([{ before: same, after: same }])).toEqual({ buckets: [], tallies: [] });
  });

  it('given a member taking an order assigned to another, its shares move from one member to the other, by day and by month', () => {
    const before = snapshot({ order: order() });
    const after = snapshot({ order: order({ executorKind: 'member', executorId: 'm2' }) });
    const members = rollupDelta([{ before, after }]).buckets.filter((b) => b.level === 'member');
    expect(members.map((b) => [b.rowId, b.span, b.start, b.figures.orders])).toEqual([
      ['m1', 'day', '2030-03-01', -1],
      ['m1', 'month', '2030-03-01', -1],
      ['m2', 'day', '2030-03-01', 1],
      ['m2', 'month', '2030-03-01', 1],
    ]);
  });
});

describe('an order’s line on its compound’s board', () => {
  it('given an open order, it waits on its assignee’s kind, and is overdue once any stage was breached', () => {
    expect(
      orderTally(snapshot({ order: order(), serviceLevels: [deadline('on-site', { breachedAt: PLACED })] })),
    ).toMatchObject({ facet: 'open', kind: 'member', figures: { orders: 1, overdue: 1 } });
  });

  it('given an order reopened after its round’s dispatch, it waits on the dispatcher (no kind)', () => {
    const reopened = { round: 1, score: 1, reopened: true, ratedAt: PLACED };
    expect(orderTally(snapshot({ order: order(), ratings: [reopened] }))).toMatchObject({ kind: '' });
    expect(orderTally(snapshot({ order: order({ assignedRound: 2 }), ratings: [reopened] }))).toMatchObject({
      kind: 'member',
    });
  });

  it('given a closed order, it is closed by its executor on its grid, escalated when whistled', () => {
    expect(
      orderTally(
        snapshot({
          order: order({ executorKind: 'department', executorId: 'd1', whistledAt: PLACED }),
          ratings: [{ round: 1, score: 5, reopened: false, ratedAt: PLACED }],
        }),
      ),
    ).toEqual({
      compoundId: 'k1',
      facet: 'closed',
      kind: 'department',
      holder: 'd1',
      gridId: 'g1',
      figures: { orders: 1, overdue: 0, escalated: 1 },
    });
  });

  it('given an order the branch rejected, it is on no line', () => {
    expect(orderTally(snapshot({ order: order({ reviewDecision: 'reject' }) }))).toBeNull();
  });
});
