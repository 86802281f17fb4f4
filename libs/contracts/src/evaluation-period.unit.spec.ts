import { parsePeriod, periodKindFrom, periodOf } from './evaluation-period';

describe('evaluation periods', () => {
  it('a quarter, a month and a year with their first and last days', () => {
    expect(parsePeriod('2026-Q4', 'quarter')).toEqual({
      period: '2026-Q4',
      kind: 'quarter',
      startsOn: '2026-10-01',
      endsOn: '2026-12-31',
    });
    expect(parsePeriod('2024-02', 'month')).toMatchObject({ startsOn: '2024-02-01', endsOn: '2024-02-29' });
    expect(parsePeriod('2026', 'year')).toMatchObject({ startsOn: '2026-01-01', endsOn: '2026-12-31' });
  });

  it('a period of another kind is none', () => {
    expect(parsePeriod('2026-11', 'quarter')).toBeNull();
    expect(parsePeriod('2026-Q5', 'quarter')).toBeNull();
  });

  it('the period an instant falls in', () => {
    expect(periodOf('2026-11-20T08:00:00Z', 'quarter')).toBe('2026-Q4');
    expect(periodOf('2026-01-01T00:00:00Z', 'month')).toBe('2026-01');
    expect(periodOf('2026-07-01T00:00:00Z', 'year')).toBe('2026');
  });

  it('the kind from configuration, quarter by default, anything else refused', () => {
    expect(periodKindFrom(undefined)).toBe('quarter');
    expect(periodKindFrom('month')).toBe('month');
    expect(() => periodKindFrom('week')).toThrow(/EVALUATION_PERIOD/);
  });
});
