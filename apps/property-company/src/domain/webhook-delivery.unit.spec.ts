import {
  afterAttempt,
  concernedCompany,
  type Delivery,
  newDelivery,
  redeliver,
  type RetryPolicy,
} from './webhook-delivery';
import type { IntegrationEvent } from '@cogov/contracts';

const policy: RetryPolicy = { maxAttempts: 3, firstDelayMs: 10_000, maxDelayMs: 15_000 };
const t0 = new Date('2026-12-02T08:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

/** Given a delivery, when attempts with these outcomes happen at these times, then this delivery. */
const given = (delivery: Delivery) => ({
  when: (...attempts: Array<[ok: boolean, ms: number]>) => ({
    then: (expected: Partial<Delivery>) => {
      const after = attempts.reduce(
        (d, [ok, ms]) => afterAttempt(d, ok ? { ok } : { ok, error: 'answered 500' }, at(ms), policy),
        delivery,
      );
      expect(after).toMatchObject(expected);
    },
  }),
});

describe('a webhook delivery', () => {
  it('is delivered by a 2xx answer', () =>
    given(newDelivery(t0.toISOString()))
      .when([true, 0])
      .then({ status: 'delivered', attempts: 1, nextAttemptAt: null, deliveredAt: t0.toISOString() }));

  it('waits twice as long after each failed attempt, up to the cap', () => {
    given(newDelivery(t0.toISOString()))
      .when([false, 0])
      .then({
        status: 'pending',
        attempts: 1,
        lastError: 'answered 500',
        nextAttemptAt: at(10_000).toISOString(),
      });
    given(newDelivery(t0.toISOString()))
      .when([false, 0], [false, 10_000])
      .then({ status: 'pending', attempts: 2, nextAttemptAt: at(25_000).toISOString() });
  });

  it('fails when the attempts of its round run out', () =>
    given(newDelivery(t0.toISOString()))
      .when([false, 0], [false, 10_000], [false, 25_000])
      .then({ status: 'failed', attempts: 3, nextAttemptAt: null }));

  it('redelivered on request, is due at once with a fresh round of attempts', () => {
    const failed = [0, 10_000, 25_000].reduce(
      (d, ms) => afterAttempt(d, { ok: false, error: 'x' }, at(ms), policy),
      newDelivery(t0.toISOString()),
    );
    given(redeliver(failed, at(60_000)))
      .when([false, 60_000])
      .then({ status: 'pending', attempts: 4, roundAttempts: 1, nextAttemptAt: at(70_000).toISOString() });
  });
});

describe('the company an event concerns', () => {
  const event = (type: string, data: Record<string, unknown>) => ({ type, data }) as IntegrationEvent;
  it('an order dispatched to a company, not to another kind of executor', () => {
    expect(
      concernedCompany(
        event('residents-committee.order-dispatched', { assigneeKind: 'property-company', assigneeId: 'c' }),
      ),
    ).toBe('c');
    expect(
      concernedCompany(
        event('residents-committee.order-dispatched', { assigneeKind: 'member', assigneeId: 'm' }),
      ),
    ).toBeNull();
  });
  it('the company’s work on orders and its rule status; nothing else', () => {
    expect(
      concernedCompany(
        event('property-company.order-work', { executor: { kind: 'property-company', id: 'c' } }),
      ),
    ).toBe('c');
    expect(concernedCompany(event('property-company.red-property-rule-assessed', { companyId: 'c' }))).toBe(
      'c',
    );
    // Its evaluation: the grades, and what the owners' committee and the Party organization said of it.
    for (const type of [
      'property-company.contract-recorded',
      'property-company.evaluation-graded',
      'owners-committee.property-evaluation-recorded',
      'party-organization.company-rated',
    ]) {
      expect(concernedCompany(event(type, { companyId: 'c' }))).toBe('c');
    }
    expect(concernedCompany(event('residents-committee.order-placed', { companyId: 'c' }))).toBeNull();
  });
});
