import { DISTRICT, drawOrders, planCommunity, randomSource } from './plan';
import { StepQueue } from './step-queue';

describe('the district plan', () => {
  it('nests the seed community’s 3 zones, 14 grids and 120 basic grids over 16 compounds of 8 buildings', () => {
    const plan = planCommunity(DISTRICT);
    expect(new Set(plan.gridOfCompound).size).toBe(14);
    expect(new Set(plan.zoneOfGrid).size).toBe(3);
    const basicGrids = plan.basicGridsOfCompound.flat();
    expect(basicGrids).toHaveLength(120);
    expect(basicGrids.every((g) => g.length === 1 || g.length === 2)).toBe(true);
    // Every building of every compound lies in exactly one basic grid.
    for (const groups of plan.basicGridsOfCompound)
      expect(groups.flat().sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('refuses a shape that cannot nest', () => {
    expect(() => planCommunity({ ...DISTRICT, gridsPerCommunity: 20 })).toThrow(/more grids than compounds/);
    expect(() => planCommunity({ ...DISTRICT, basicGridsPerCommunity: 200 })).toThrow(/one or two buildings/);
  });

  it('draws the same orders from the same seed, in placement order, mostly within the three ones', () => {
    const end = Date.parse('2026-12-01T00:00:00Z');
    const size = { ...DISTRICT, orders: 5000 };
    const orders = drawOrders(size, end, randomSource(7), { departments: true });
    expect(drawOrders(size, end, randomSource(7), { departments: true })).toEqual(orders);
    expect(orders.every((o, i) => i === 0 || orders[i - 1]!.placedAt <= o.placedAt)).toBe(true);
    expect(orders.every((o) => o.placedAt >= end - 365 * 86_400_000 && o.placedAt < end)).toBe(true);
    const share = (test: (o: (typeof orders)[number]) => boolean) =>
      orders.filter(test).length / orders.length;
    const answeredInAMinute = share((o) => Math.min(o.acknowledgeAfter ?? Infinity, o.reviewAfter) <= 60_000);
    expect(answeredInAMinute).toBeGreaterThan(0.9);
    expect(answeredInAMinute).toBeLessThan(0.99);
    expect(share((o) => o.arriveAfter > 3_600_000)).toBeGreaterThan(0.05);
    expect(share((o) => o.executor === 'department')).toBeGreaterThan(0.01);
    // Each step follows the one before it.
    expect(
      orders.every(
        (o) =>
          o.dispatchAfter < o.acceptAfter && o.acceptAfter < o.arriveAfter && o.arriveAfter < o.completeAfter,
      ),
    ).toBe(true);
  });
});

describe('the step queue', () => {
  it('gives steps back by time, and in the order queued at one time', () => {
    const queue = new StepQueue();
    const ran: string[] = [];
    const step = (at: number, name: string) => ({ at, run: () => Promise.resolve(void ran.push(name)) });
    for (const [at, name] of [
      [5, 'e'],
      [1, 'a'],
      [3, 'c1'],
      [3, 'c2'],
      [2, 'b'],
      [9, 'z'],
    ] as const)
      queue.push(step(at, name));
    const order: number[] = [];
    while (queue.size > 0) {
      const next = queue.pop()!;
      order.push(next.at);
      void next.run();
    }
    expect(order).toEqual([1, 2, 3, 3, 5, 9]);
    expect(ran).toEqual(['a', 'b', 'c1', 'c2', 'e', 'z']);
  });
});
