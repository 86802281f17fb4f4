import { EvaluationPolicyConfig } from './evaluation-policy';

describe('the evaluation policy from the environment', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });
  const withEnv = (env: Record<string, string>) => {
    process.env = { ...saved, ...env };
    return new EvaluationPolicyConfig();
  };

  it('defaults: 0.6 owners / 0.4 Party, half orders, A 90, B 75, C 60, complaints at 2 or less, quarters', () =>
    expect(withEnv({})).toMatchObject({
      periodKind: 'quarter',
      policy: {
        ownersWeight: 0.6,
        ordersShareOfOwners: 0.5,
        bands: { A: 90, B: 75, C: 60 },
        complaintAtMost: 2,
      },
    }));

  it('configured weights, bands, threshold and period kind', () =>
    expect(
      withEnv({
        EVALUATION_OWNERS_WEIGHT: '0.5',
        EVALUATION_ORDERS_SHARE_OF_OWNERS: '0.25',
        EVALUATION_GRADE_BANDS: 'A:85, B:70, C:50',
        EVALUATION_COMPLAINT_AT_MOST: '1',
        EVALUATION_PERIOD: 'month',
      }),
    ).toMatchObject({
      periodKind: 'month',
      policy: {
        ownersWeight: 0.5,
        ordersShareOfOwners: 0.25,
        bands: { A: 85, B: 70, C: 50 },
        complaintAtMost: 1,
      },
    }));

  it('values that make no sense stop the start', () => {
    expect(() => withEnv({ EVALUATION_OWNERS_WEIGHT: '1.5' })).toThrow(/EVALUATION_OWNERS_WEIGHT/);
    expect(() => withEnv({ EVALUATION_GRADE_BANDS: 'A:60,B:75,C:90' })).toThrow(/EVALUATION_GRADE_BANDS/);
    expect(() => withEnv({ EVALUATION_COMPLAINT_AT_MOST: '6' })).toThrow(/EVALUATION_COMPLAINT_AT_MOST/);
    expect(() => withEnv({ EVALUATION_PERIOD: 'week' })).toThrow(/EVALUATION_PERIOD/);
  });
});
