import {
  communityRegisteredV2,
  orderPlacedV2,
  orderRatedV1,
  orderReviewedV1,
  partyOrganizationOrderWorkV1,
  propertyCompanyOrderWorkV1,
  streetRegisteredV1,
  volunteerActivityConfirmedV1,
} from '@cogov/contracts';
import type { DatabaseConfig } from '@cogov/persistence';
import { freshPostgresSchema, freshSqlite } from '@cogov/persistence/testing/test-databases';
import { totalOf } from '../domain/account';
import { pointsBankHarness } from '../testing/points-bank-harness';
import { PublishStandardCommand, PublishStandardHandler } from './standards';

const databases: Array<[string, () => DatabaseConfig & { cleanup?(): void }]> = [
  ['SQLite', freshSqlite],
  ['PostgreSQL', freshPostgresSchema],
];

const NOW = new Date('2026-06-10T02:00:00.000Z');
const STREET = '7b1b0c2d-0000-4000-8000-000000000001';
const COMMUNITY = '7b1b0c2d-0000-4000-8000-000000000002';
const MEMBER = '7b1b0c2d-0000-4000-8000-000000000003';
const ORDER = '7b1b0c2d-0000-4000-8000-000000000004';
const COMPANY_ORDER = '7b1b0c2d-0000-4000-8000-000000000005';
const COMPANY = '7b1b0c2d-0000-4000-8000-000000000006';
const T = (day: string, time = '02:00:00') => `2026-${day}T${time}.000Z`;

const placed = (orderId: string) => ({
  orderId,
  residentId: '7b1b0c2d-0000-4000-8000-0000000000aa',
  reporterId: null,
  communityId: COMMUNITY,
  compoundId: '7b1b0c2d-0000-4000-8000-0000000000bb',
  buildingId: null,
  gridId: null,
  category: 'repair',
  title: 'Leak',
  channel: 'app',
  placedAt: T('06-01'),
});
const reviewed = (orderId: string) => ({
  orderId,
  reviewerId: MEMBER,
  branchId: '7b1b0c2d-0000-4000-8000-0000000000cc',
  decision: 'approve' as const,
  note: 'ok',
  priority: 'high' as const,
  reason: null,
  duplicateOfOrderId: null,
  reviewedAt: T('06-01', '03:00:00'),
});
const work = (orderId: string, round: number, step: 'accepted' | 'completed', at: string) => ({
  orderId,
  round,
  executor: { kind: 'member' as const, id: MEMBER },
  performedBy: MEMBER,
  step,
  at,
  note: null,
  resultNote: step === 'completed' ? 'done' : null,
  evidence: [],
  reason: null,
});
const rated = (orderId: string, round: number, score: number, reopened: boolean) => ({
  orderId,
  round,
  raterId: '7b1b0c2d-0000-4000-8000-0000000000aa',
  score,
  comment: 'c',
  reopened,
  ratedAt: T('06-05'),
});

/**
 * An order's facts come from three publishers, which no bus orders among themselves: here they
 * arrive backwards (the rating first, the community and the street's standard last), some twice.
 * The member earns once, when the last piece is in, under the standard in force on the
 * completion day in China; a company's completion earns no one anything.
 */
describe.each(databases)('what orders earn, facts in any order (%s)', (_name, makeConfig) => {
  const config = makeConfig();
  let bank: Awaited<ReturnType<typeof pointsBankHarness>>;

  beforeAll(async () => {
    bank = await pointsBankHarness(config, NOW);
  });
  afterAll(() => bank.close());

  const publish = (version: number, effectiveFrom: string, points: number) =>
    new PublishStandardHandler(bank.standards, bank.places, bank.earnings).execute(
      new PublishStandardCommand(
        {
          streetId: STREET,
          standard: {
            standardId: 'jianxi',
            version,
            effectiveFrom,
            orders: [{ category: 'repair', priority: 'high', points }],
            perVolunteerHour: 0,
            perActivityKind: {},
            ratingFiveBonus: 5,
          },
        },
        bank.context('street-staff'),
      ),
    );
  const memberAccount = async () => (await bank.accounts.load(MEMBER)).state;

  it('earns once, when the last fact is in, under the standard of the completion day', async () => {
    // Round 1 reopened, round 2 closed with a 5: rating first, placement last.
    await bank.deliver(orderRatedV1, rated(ORDER, 2, 5, false), 'e-1');
    await bank.deliver(orderRatedV1, rated(ORDER, 1, 2, true), 'e-2');
    // 2 June 16:30 UTC is 3 June in China: version 2's first day.
    await bank.deliver(
      partyOrganizationOrderWorkV1,
      work(ORDER, 2, 'completed', T('06-02', '16:30:00')),
      'e-3',
    );
    await bank.deliver(
      partyOrganizationOrderWorkV1,
      work(ORDER, 1, 'completed', T('06-01', '05:00:00')),
      'e-4',
    );
    await bank.deliver(
      partyOrganizationOrderWorkV1,
      work(ORDER, 1, 'accepted', T('06-01', '04:00:00')),
      'e-5',
    );
    await bank.deliver(orderReviewedV1, reviewed(ORDER), 'e-6');
    await bank.deliver(orderPlacedV2, placed(ORDER), 'e-7');
    await bank.deliver(streetRegisteredV1, { streetId: STREET, name: '涧西街道' }, 'e-8');
    await publish(1, '2026-01-01', 10);
    await publish(2, '2026-06-03', 20);
    expect((await memberAccount()).status).toBe('absent'); // the order's community is not known yet
    await bank.deliver(
      communityRegisteredV2,
      { communityId: COMMUNITY, name: 'C', streetName: '涧西街道', streetId: STREET },
      'e-9',
    );
    const account = await memberAccount();
    expect(account.status === 'open' && account.entries).toEqual([
      expect.objectContaining({
        kind: 'order',
        causeId: ORDER,
        points: 25,
        streetId: STREET,
        communityId: COMMUNITY,
        on: '2026-06-03',
      }),
    ]);
  });

  it('a redelivered fact, or a later standard, earns nothing more', async () => {
    const before = totalOf(await memberAccount());
    await bank.deliver(orderRatedV1, rated(ORDER, 2, 5, false), 'e-1');
    await bank.deliver(
      partyOrganizationOrderWorkV1,
      work(ORDER, 2, 'completed', T('06-02', '16:30:00')),
      'e-3',
    );
    await bank.deliver(orderPlacedV2, placed(ORDER), 'e-7-again');
    await publish(3, '2026-07-01', 99);
    expect(totalOf(await memberAccount())).toBe(before);
  });

  it('an order completed by a property company earns no one anything', async () => {
    await bank.deliver(orderPlacedV2, placed(COMPANY_ORDER), 'c-1');
    await bank.deliver(orderReviewedV1, reviewed(COMPANY_ORDER), 'c-2');
    await bank.deliver(
      propertyCompanyOrderWorkV1,
      {
        ...work(COMPANY_ORDER, 1, 'completed', T('06-04')),
        executor: { kind: 'property-company', id: COMPANY },
      },
      'c-3',
    );
    await bank.deliver(orderRatedV1, rated(COMPANY_ORDER, 1, 5, false), 'c-4');
    expect((await bank.accounts.load(COMPANY)).state.status).toBe('absent');
    const account = await memberAccount();
    expect(account.status === 'open' && account.causes).toEqual([`order:${ORDER}`]);
  });
  it('an activity confirmed before its street had a standard earns when one in force on its day is published', async () => {
    const street = '7b1b0c2d-0000-4000-8000-000000000011';
    const community = '7b1b0c2d-0000-4000-8000-000000000012';
    const volunteer = '7b1b0c2d-0000-4000-8000-000000000013';
    await bank.deliver(streetRegisteredV1, { streetId: street, name: 'S2' }, 'a-1');
    await bank.deliver(
      communityRegisteredV2,
      { communityId: community, name: 'C2', streetName: 'S2', streetId: street },
      'a-2',
    );
    await bank.deliver(
      volunteerActivityConfirmedV1,
      {
        activityId: '7b1b0c2d-0000-4000-8000-000000000014',
        communityId: community,
        streetId: street,
        teamId: '7b1b0c2d-0000-4000-8000-000000000015',
        kind: 'environment',
        title: 'Clearing the canal bank',
        date: '2026-05-20',
        hours: 1.5,
        participantIds: [volunteer],
        confirmedBy: 'staff',
        confirmedAt: T('05-20'),
      },
      'a-3',
    );
    expect((await bank.accounts.load(volunteer)).state.status).toBe('absent');
    const publishIn = (effectiveFrom: string, version: number) =>
      new PublishStandardHandler(bank.standards, bank.places, bank.earnings).execute(
        new PublishStandardCommand(
          {
            streetId: street,
            standard: {
              standardId: 's2',
              version,
              effectiveFrom,
              orders: [],
              perVolunteerHour: 10,
              perActivityKind: { environment: 4 },
              ratingFiveBonus: 0,
            },
          },
          bank.context('street-staff'),
        ),
      );
    await publishIn('2026-05-21', 1); // in force only after the activity's day: it still waits
    expect((await bank.accounts.load(volunteer)).state.status).toBe('absent');
    const earlier = new PublishStandardHandler(bank.standards, bank.places, bank.earnings);
    await expect(
      earlier.execute(
        new PublishStandardCommand(
          {
            streetId: street,
            standard: {
              standardId: 's2-old',
              version: 1,
              effectiveFrom: '2026-05-01',
              orders: [],
              perVolunteerHour: 10,
              perActivityKind: { environment: 4 },
              ratingFiveBonus: 0,
            },
          },
          bank.context('street-staff'),
        ),
      ),
    ).resolves.toMatchObject({ standardId: 's2-old' });
    // 1.5 h × 10 + 4 for the environment, under the standard in force on 20 May.
    expect(totalOf((await bank.accounts.load(volunteer)).state)).toBe(19);
  });
});
