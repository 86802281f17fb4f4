import {
  coverOf,
  csvRecords,
  figuresOf,
  isPeriod,
  periodOf,
  rank,
  rateOf,
  type RowCounts,
  trackOf,
} from './rates';

const NOW = new Date('2030-03-31T12:00:00.000Z');

const counts = (id: string, over: Partial<RowCounts> = {}): RowCounts => ({
  id,
  name: null,
  orders: 0,
  acceptDue: 0,
  acceptInTime: 0,
  completeDue: 0,
  resolved: 0,
  ratings: 0,
  satisfied: 0,
  breaches: { accept: 0, 'on-site': 0, complete: 0 },
  reached: { accept: 0, 'on-site': 0, complete: 0 },
  reachedMs: { accept: 0, 'on-site': 0, complete: 0 },
  ...over,
});

/** given the counts of some rows, when ranked by `sort`, then the ids in order with their ranks. */
const ranked = (rows: RowCounts[], sort: Parameters<typeof rank>[1] = 'composite') =>
  rank(rows.map(figuresOf), sort).map((r) => [r.rank, r.id]);

describe('the period of a table of rates', () => {
  it('given no bounds, it is the 30 days before now', () =>
    expect(periodOf({}, NOW)).toEqual({ from: new Date('2030-03-01T12:00:00.000Z'), to: NOW }));

  it('given only `to`, it is the 30 days before it', () =>
    expect(periodOf({ to: '2030-02-01' }, NOW)).toEqual({
      from: new Date('2030-01-02T00:00:00.000Z'),
      to: new Date('2030-02-01T00:00:00.000Z'),
    }));

  it('a day means its start in UTC; a time keeps its zone', () =>
    expect(periodOf({ from: '2030-03-01', to: '2030-03-02T08:00:00+08:00' }, NOW)).toEqual({
      from: new Date('2030-03-01T00:00:00.000Z'),
      to: new Date('2030-03-02T00:00:00.000Z'),
    }));

  it('a day that does not exist is refused, naming the parameter', () =>
    expect(periodOf({ from: '2030-02-31' }, NOW)).toEqual([
      { field: 'from', problems: ['from must be a day (YYYY-MM-DD) or an ISO time'] },
    ]));

  it('a time without its zone is refused', () =>
    expect(periodOf({ to: '2030-03-02T08:00:00' }, NOW)).toEqual([
      { field: 'to', problems: ['to must be a day (YYYY-MM-DD) or an ISO time'] },
    ]));

  it('from not before to is refused', () => {
    const period = periodOf({ from: '2030-03-02', to: '2030-03-02' }, NOW);
    expect(isPeriod(period)).toBe(false);
    expect(period).toEqual([{ field: 'from', problems: ['from must be before to'] }]);
  });
});

describe('the three rates of a row', () => {
  it('a rate is the part over the whole', () => expect(rateOf(3, 4)).toBe(0.75));

  it('nothing due is no rate, not 0 and not 1', () => expect(rateOf(0, 0)).toBeNull());

  it('given its counts, a row has each rate, the composite of the defined ones and mean times', () =>
    expect(
      figuresOf(
        counts('c1', {
          orders: 5,
          acceptDue: 4,
          acceptInTime: 3,
          completeDue: 2,
          resolved: 1,
          breaches: { accept: 1, 'on-site': 2, complete: 0 },
          reached: { accept: 3, 'on-site': 0, complete: 2 },
          reachedMs: { accept: 100, 'on-site': 0, complete: 3_001 },
        }),
      ),
    ).toEqual({
      id: 'c1',
      name: null,
      orders: 5,
      response: { due: 4, inTime: 3, rate: 0.75 },
      resolution: { due: 2, resolved: 1, rate: 0.5 },
      satisfaction: { ratings: 0, satisfied: 0, rate: null },
      composite: 0.625,
      breaches: { accept: 1, onSite: 2, complete: 0 },
      averageMs: { accept: 33, onSite: null, complete: 1_501 },
    }));

  it('a department, and only a department, is measured by its own clock', () =>
    expect([trackOf('department'), trackOf('member'), trackOf('street')]).toEqual([
      'department',
      'community',
      'community',
    ]));
});

describe('the ranking', () => {
  it('the higher composite ranks first', () =>
    expect(
      ranked([counts('low', { ratings: 2, satisfied: 1 }), counts('high', { ratings: 2, satisfied: 2 })]),
    ).toEqual([
      [1, 'high'],
      [2, 'low'],
    ]));

  it('a tie goes to the row with more orders', () =>
    expect(
      ranked([
        counts('few', { orders: 1, ratings: 1, satisfied: 1 }),
        counts('many', { orders: 9, ratings: 1, satisfied: 1 }),
      ]),
    ).toEqual([
      [1, 'many'],
      [2, 'few'],
    ]));

  it('rows equal on rate and orders share a rank, the next rank skips', () =>
    expect(
      ranked([
        counts('b', { ratings: 1, satisfied: 1 }),
        counts('a', { ratings: 1, satisfied: 1 }),
        counts('c', { ratings: 2, satisfied: 1 }),
      ]),
    ).toEqual([
      [1, 'a'],
      [1, 'b'],
      [3, 'c'],
    ]));

  it('a row without the sorted rate comes after every row with it, even a rate of 0', () =>
    expect(
      ranked([counts('none', { orders: 50 }), counts('zero', { acceptDue: 3, acceptInTime: 0 })], 'response'),
    ).toEqual([
      [1, 'zero'],
      [2, 'none'],
    ]));

  it('sorted by one rate, the others do not matter', () =>
    expect(
      ranked(
        [
          counts('satisfying', { ratings: 1, satisfied: 1, acceptDue: 2, acceptInTime: 1 }),
          counts('quick', { ratings: 1, satisfied: 0, acceptDue: 2, acceptInTime: 2 }),
        ],
        'response',
      ),
    ).toEqual([
      [1, 'quick'],
      [2, 'satisfying'],
    ]));
});

describe('the CSV records', () => {
  it('given a ranked row, its record holds the same figures, an empty cell for null', () => {
    const [row] = rank(
      [figuresOf(counts('c1', { name: '和平社区', ratings: 3, satisfied: 2 }))],
      'composite',
    );
    const [header, record] = csvRecords([row!]);
    const cells = Object.fromEntries(header!.map((name, i) => [name, record![i]]));
    expect(cells).toMatchObject({
      rank: '1',
      id: 'c1',
      name: '和平社区',
      ratings: '3',
      satisfied: '2',
      satisfactionRate: String(2 / 3),
      responseRate: '',
      averageAcceptMs: '',
    });
  });
});

describe('how a period is read: roll-ups for whole days and months that ended, raw rows for the rest', () => {
  const period = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });
  const spans = (c: ReturnType<typeof coverOf>) => ({
    raw: c.raw.map((p) => [p.from.toISOString(), p.to.toISOString()]),
    buckets: c.buckets.map((b) => [b.span, b.from, b.to]),
  });

  it('given a year that ended, whole months from the roll-ups and nothing raw', () =>
    expect(spans(coverOf(period('2030-01-01', '2031-01-01'), new Date('2031-02-01'), true))).toEqual({
      raw: [],
      buckets: [['month', '2030-01-01', '2031-01-01']],
    }));

  it('given partial first and last days and months, raw hours at the ends and days beside the months', () =>
    expect(
      spans(coverOf(period('2030-01-30T10:00:00Z', '2030-04-02T06:00:00Z'), new Date('2031-01-01'), true)),
    ).toEqual({
      raw: [
        ['2030-01-30T10:00:00.000Z', '2030-01-31T00:00:00.000Z'],
        ['2030-04-02T00:00:00.000Z', '2030-04-02T06:00:00.000Z'],
      ],
      buckets: [
        ['day', '2030-01-31', '2030-02-01'],
        ['month', '2030-02-01', '2030-04-01'],
        ['day', '2030-04-01', '2030-04-02'],
      ],
    }));

  it('given now inside the period, today and after are raw: their deadlines may not have passed', () =>
    expect(
      spans(coverOf(period('2030-03-01', '2030-04-01'), new Date('2030-03-10T12:00:00Z'), true)),
    ).toEqual({
      raw: [['2030-03-10T00:00:00.000Z', '2030-04-01T00:00:00.000Z']],
      buckets: [['day', '2030-03-01', '2030-03-10']],
    }));

  it('given a period within one day, or no roll-ups wanted, all of it is raw', () => {
    const day = period('2030-03-01T01:00:00Z', '2030-03-01T05:00:00Z');
    expect(spans(coverOf(day, new Date('2031-01-01'), true)).buckets).toEqual([]);
    const year = period('2030-01-01', '2031-01-01');
    expect(spans(coverOf(year, new Date('2031-02-01'), false))).toEqual({
      raw: [['2030-01-01T00:00:00.000Z', '2031-01-01T00:00:00.000Z']],
      buckets: [],
    });
  });
});
