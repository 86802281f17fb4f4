import type { ArgumentsHost } from '@nestjs/common';
import { communityRegisteredV2, streetRegisteredV1, volunteerActivityConfirmedV1 } from '@cogov/contracts';
import { DomainExceptionFilter } from '@cogov/http';
import type { DatabaseConfig } from '@cogov/persistence';
import { freshPostgresSchema, freshSqlite } from '@cogov/persistence/testing/test-databases';
import { totalOf } from '../domain/account';
import { pointsBankHarness } from '../testing/points-bank-harness';
import { AddCatalogueItemCommand, AddCatalogueItemHandler } from './catalogue';
import { RedeemPointsCommand, RedeemPointsHandler } from './redeem-points';
import { PublishStandardCommand, PublishStandardHandler } from './standards';

const databases: Array<[string, () => DatabaseConfig & { cleanup?(): void }]> = [
  ['SQLite', freshSqlite],
  ['PostgreSQL', freshPostgresSchema],
];

const NOW = new Date('2026-06-01T02:00:00.000Z');
const STREET = '6a1b0c2d-0000-4000-8000-000000000001';
const COMMUNITY = '6a1b0c2d-0000-4000-8000-000000000002';
const STATION_2 = '6a1b0c2d-0000-4000-8000-000000000003';
const PERSON = '6a1b0c2d-0000-4000-8000-000000000004';
const ACTIVITY = '6a1b0c2d-0000-4000-8000-000000000005';

/** The status the one exception filter answers for an error. */
function httpStatusOf(error: unknown): number {
  let status = 0;
  const response = {
    status: (s: number) => ((status = s), response),
    json: () => response,
    setHeader: () => response,
  };
  const host = {
    switchToHttp: () => ({
      getResponse: () => response,
      getRequest: () => ({ method: 'POST', route: null }),
    }),
  } as unknown as ArgumentsHost;
  new DomainExceptionFilter().catch(error, host);
  return status;
}

/**
 * 50 service-station redemptions of one account at once, against the real event store: an
 * account of 100 points (a volunteer activity under the street's standard) and an item of 7.
 * Each append names the revision it decided on; a loser decides again on the winner's balance.
 * The balance never goes below zero, what the successes took is what left the account, and
 * every failure is a 409 (not enough points any more, or lost races), never a 500.
 */
describe.each(databases)('concurrent redemptions of one balance (%s)', (_name, makeConfig) => {
  const config = makeConfig();
  let bank: Awaited<ReturnType<typeof pointsBankHarness>>;

  beforeAll(async () => {
    bank = await pointsBankHarness(config, NOW);
  });
  afterAll(() => bank.close());

  it('never below zero: successes × price is the debit, every failure a 409', async () => {
    await bank.deliver(streetRegisteredV1, { streetId: STREET, name: '涧西街道' }, 'f-1');
    for (const [communityId, i] of [
      [COMMUNITY, 2],
      [STATION_2, 3],
    ] as const) {
      await bank.deliver(
        communityRegisteredV2,
        { communityId, name: `社区 ${i}`, streetName: '涧西街道', streetId: STREET },
        `f-${i}`,
      );
    }
    await new PublishStandardHandler(bank.standards, bank.places, bank.earnings).execute(
      new PublishStandardCommand(
        {
          streetId: STREET,
          standard: {
            standardId: 'jianxi',
            version: 1,
            effectiveFrom: '2026-01-01',
            orders: [],
            perVolunteerHour: 20,
            perActivityKind: { 'elderly-care': 20 },
            ratingFiveBonus: 0,
          },
        },
        bank.context('street-staff'),
      ),
    );
    const activity = {
      activityId: ACTIVITY,
      communityId: COMMUNITY,
      streetId: STREET,
      teamId: '6a1b0c2d-0000-4000-8000-000000000006',
      kind: 'elderly-care' as const,
      title: 'Visiting the elderly living alone',
      date: '2026-05-30',
      hours: 4,
      participantIds: [PERSON],
      confirmedBy: 'staff',
      confirmedAt: '2026-05-30T10:00:00.000Z',
    };
    await bank.deliver(volunteerActivityConfirmedV1, activity, 'f-4');
    await bank.deliver(volunteerActivityConfirmedV1, activity, 'f-4'); // redelivered: earns nothing twice
    expect(totalOf((await bank.accounts.load(PERSON)).state)).toBe(100);

    const catalogue = new AddCatalogueItemHandler(bank.catalogues);
    const rice = await catalogue.execute(
      new AddCatalogueItemCommand(
        { communityId: COMMUNITY, name: 'rice 5 kg', points: 7 },
        bank.context('station-1'),
      ),
    );
    await new AddCatalogueItemHandler(bank.catalogues).execute(
      new AddCatalogueItemCommand(
        { communityId: STATION_2, name: 'rice 5 kg', points: 7 },
        bank.context('station-2'),
      ),
    );
    const items = (await bank.catalogues.load(STATION_2)).state.items;

    const redeem = new RedeemPointsHandler(bank.accounts, bank.catalogues, bank.standards, bank.places);
    /** 50 redemptions at once, half at each station of the street. */
    const wave = async (n: number) => {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          redeem.execute(
            new RedeemPointsCommand(
              {
                personId: PERSON,
                communityId: i % 2 === 0 ? COMMUNITY : STATION_2,
                itemId: i % 2 === 0 ? rice.id : items[0]!.itemId,
              },
              bank.context(`station-${i % 2}`, `redeem-${n}-${i}`),
            ),
          ),
        ),
      );
      return {
        successes: outcomes.filter((o) => o.status === 'fulfilled').length,
        failures: outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : [])),
      };
    };
    const balanceNow = async () => totalOf((await bank.accounts.load(PERSON)).state);

    // Waves until one redeems nothing: each loser is a 409, and what left is what succeeded.
    let succeeded = 0;
    for (let n = 0; n < 20; n++) {
      const { successes, failures } = await wave(n);
      succeeded += successes;
      expect(failures.map(httpStatusOf)).toEqual(failures.map(() => 409));
      expect(await balanceNow()).toBe(100 - succeeded * 7);
      if (successes === 0) {
        // Nothing left to race for: every refusal is for want of points, naming what is left.
        expect(failures.map((f) => (f as { details?: { reason?: string } }).details?.reason)).toEqual(
          failures.map(() => 'insufficient-points'),
        );
        break;
      }
    }
    expect(succeeded).toBe(14);
    const account = (await bank.accounts.load(PERSON)).state;
    if (account.status !== 'open') throw new Error('the account is open');
    expect(account.deposits).toEqual({ [STREET]: 2 });
    expect(account.entries.filter((e) => e.kind === 'redemption')).toHaveLength(14);
    // The balance after each entry, in the order they were appended: never below zero.
    let balance = 0;
    for (const entry of account.entries) {
      balance += entry.points;
      expect(balance).toBeGreaterThanOrEqual(0);
    }
  }, 60_000);
});
