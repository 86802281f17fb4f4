import { figuresOf, rank } from './domain/rates';
import { ratesCsv } from './rates.csv';

const row = (id: string, name: string) =>
  figuresOf({
    id,
    name,
    orders: 1,
    acceptDue: 1,
    acceptInTime: 1,
    completeDue: 0,
    resolved: 0,
    ratings: 0,
    satisfied: 0,
    breaches: { accept: 0, 'on-site': 0, complete: 0 },
    reached: { accept: 1, 'on-site': 0, complete: 0 },
    reachedMs: { accept: 30_000, 'on-site': 0, complete: 0 },
  });

describe('the rates as CSV', () => {
  it('given a place whose name a spreadsheet would run as a formula, its cell is quoted as text', () => {
    const { body } = ratesCsv({
      level: 'community',
      from: '2030-03-01T00:00:00.000Z',
      to: '2030-04-01T00:00:00.000Z',
      sort: 'composite',
      rows: rank([row('c1', '=HYPERLINK("http://x.example","1")'), row('c2', '和平社区')], 'composite'),
    });
    const [, first, second] = body.trim().split('\n');
    expect(first).toContain(`"'=HYPERLINK(""http://x.example"",""1"")"`);
    expect(second).toContain(',和平社区,');
  });
});
