import { Inject, type Type } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ObjectLiteral } from 'typeorm';
import { directoryOf, type DirectoryOptions, type RecordEntry } from '@cogov/context-kit';
import type { CommandContext } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import {
  ActivityEntry,
  CommunityEntry,
  OrderCompletionEntry,
  OrderEntry,
  OrderRatingEntry,
  StreetEntry,
} from '../infrastructure/entities';
import { Earnings } from './earnings';

interface FactOf<Row> {
  readonly Record: new (entry: Row | readonly Row[], context: CommandContext) => RecordEntry<Row>;
  readonly Handler: Type<ICommandHandler<RecordEntry<Row>>>;
}

/**
 * A foreign fact kept as a row of ours (an upsert by its key, as `directoryOf` writes it), then
 * whatever it may have completed settled: the fact is one command, its earnings follow from it.
 */
function factOf<Row extends ObjectLiteral>(
  name: string,
  entity: Type<Row>,
  key: (keyof Row & string) | ReadonlyArray<keyof Row & string>,
  settle: (earnings: Earnings, rows: readonly Row[], context: CommandContext) => Promise<void>,
  options: DirectoryOptions<Row> = {},
): FactOf<Row> {
  const directory = directoryOf(entity, key, { ...options, name });
  class Record extends Command<void> implements RecordEntry<Row> {
    constructor(
      readonly entry: Row | readonly Row[],
      readonly context: CommandContext,
    ) {
      super();
    }
  }
  Object.defineProperty(Record, 'name', { value: `Record${name}Command` });

  @CommandHandler(Record)
  class Handler implements ICommandHandler<Record> {
    private readonly write: ICommandHandler<RecordEntry<Row>>;
    constructor(
      @Inject(SQL_DATABASE) db: SqlDatabase,
      private readonly earnings: Earnings,
    ) {
      this.write = new directory.Handler(db);
    }

    async execute(command: Record): Promise<void> {
      await this.write.execute(new directory.Record(command.entry, command.context));
      const rows: readonly Row[] = Array.isArray(command.entry) ? command.entry : [command.entry as Row];
      await settle(this.earnings, rows, command.context);
    }
  }
  Object.defineProperty(Handler, 'name', { value: `Record${name}Handler` });
  return { Record, Handler };
}

const settleOrders = async (
  earnings: Earnings,
  rows: readonly { orderId: string }[],
  context: CommandContext,
) => {
  for (const orderId of new Set(rows.map((r) => r.orderId))) await earnings.settleOrder(orderId, context);
};

export const streets = directoryOf(StreetEntry, 'streetId');
export const communities = factOf(
  'PointsCommunity',
  CommunityEntry,
  'communityId',
  async (earnings, rows, context) => {
    for (const row of rows) await earnings.settleCommunity(row.communityId, context);
  },
);
export const placements = factOf('PointsOrderPlacement', OrderEntry, 'orderId', settleOrders);
export const reviews = factOf('PointsOrderReview', OrderEntry, 'orderId', settleOrders, {
  newerBy: ['reviewedAt'],
});
export const completions = factOf(
  'PointsOrderCompletion',
  OrderCompletionEntry,
  ['orderId', 'round'],
  settleOrders,
);
export const ratings = factOf('PointsOrderRating', OrderRatingEntry, ['orderId', 'round'], settleOrders);
export const activities = factOf(
  'PointsVolunteerActivity',
  ActivityEntry,
  'activityId',
  async (earnings, rows, context) => {
    for (const row of rows) await earnings.settleActivity(row.activityId, context);
  },
);

export const recordFactHandlers = [
  streets.Handler,
  communities.Handler,
  placements.Handler,
  reviews.Handler,
  completions.Handler,
  ratings.Handler,
  activities.Handler,
];
