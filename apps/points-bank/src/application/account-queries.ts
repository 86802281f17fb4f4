import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import { InvalidInput, NotFound } from '@cogov/decider';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { type Account, type LedgerEntry, totalOf } from '../domain/account';
import { dayInChina } from '../domain/china-calendar';
import { accountAggregate, type AccountRepository } from '../infrastructure/aggregates';
import { EarningRow } from '../infrastructure/earnings/earning.entity';

const open = (account: Account, personId: string): Extract<Account, { status: 'open' }> => {
  if (account.status === 'absent') throw new NotFound('points account', personId);
  return account;
};

export class GetAccountQuery extends Query<unknown> {
  constructor(readonly personId: string) {
    super();
  }
}

/** The ledger: each street's deposit, the total, and every entry with its cause. */
@QueryHandler(GetAccountQuery)
export class GetAccountHandler implements IQueryHandler<GetAccountQuery> {
  constructor(@InjectRepository(accountAggregate) private readonly accounts: AccountRepository) {}

  async execute({ personId }: GetAccountQuery) {
    const account = open((await this.accounts.load(personId)).state, personId);
    return {
      personId,
      total: totalOf(account),
      deposits: Object.entries(account.deposits)
        .map(([streetId, balance]) => ({ streetId, balance }))
        .sort((a, b) => (a.streetId < b.streetId ? -1 : 1)),
      entries: account.entries,
    };
  }
}

export class GetStatementQuery extends Query<unknown> {
  constructor(
    readonly personId: string,
    readonly year: number,
  ) {
    super();
  }
}

const sum = (entries: readonly LedgerEntry[]) => entries.reduce((total, e) => total + e.points, 0);

/** A year's statement (China's calendar): the opening balance, the year's entries, the closing one. */
@QueryHandler(GetStatementQuery)
export class GetStatementHandler implements IQueryHandler<GetStatementQuery> {
  constructor(@InjectRepository(accountAggregate) private readonly accounts: AccountRepository) {}

  async execute({ personId, year }: GetStatementQuery) {
    const account = open((await this.accounts.load(personId)).state, personId);
    const yearOfEntry = (e: LedgerEntry) => Number(dayInChina(e.at).slice(0, 4));
    const before = account.entries.filter((e) => yearOfEntry(e) < year);
    const during = account.entries.filter((e) => yearOfEntry(e) === year);
    const openingBalance = sum(before);
    return { personId, year, openingBalance, entries: during, closingBalance: openingBalance + sum(during) };
  }
}

export class GetLeaderboardQuery extends Query<unknown> {
  constructor(
    readonly where: { communityId: string | null; streetId: string | null },
    readonly year: number,
    readonly limit: number,
  ) {
    super();
  }
}

/** The top earners of a community or a street in a year: points earned, not balances held. */
@QueryHandler(GetLeaderboardQuery)
export class GetLeaderboardHandler implements IQueryHandler<GetLeaderboardQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ where, year, limit }: GetLeaderboardQuery) {
    if ((where.communityId === null) === (where.streetId === null)) {
      throw new InvalidInput('name one of communityId or streetId', { field: 'communityId' });
    }
    const query = this.db.readSource
      .getRepository(EarningRow)
      .createQueryBuilder('e')
      .select('e.personId', 'personId')
      .addSelect('SUM(e.points)', 'points')
      .where('e.earnedOn >= :from AND e.earnedOn <= :to', { from: `${year}-01-01`, to: `${year}-12-31` });
    if (where.communityId !== null)
      query.andWhere('e.communityId = :communityId', { communityId: where.communityId });
    else query.andWhere('e.streetId = :streetId', { streetId: where.streetId });
    const rows = await query
      .groupBy('e.personId')
      .orderBy('points', 'DESC')
      .addOrderBy('e.personId', 'ASC')
      .limit(limit)
      .getRawMany<{ personId: string; points: string | number }>();
    return {
      ...(where.communityId !== null ? { communityId: where.communityId } : { streetId: where.streetId }),
      year,
      earners: rows.map((r, i) => ({ rank: i + 1, personId: r.personId, points: Number(r.points) })),
    };
  }
}
