import { Inject, Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { InjectRepository } from '@cogov/context-kit';
import { type CommandContext, withoutIdempotencyKey } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import type { VolunteerActivityKind } from '@cogov/contracts';
import { accountDecider, type EarningCause } from '../domain/account';
import { orderEarning } from '../domain/order-earning';
import {
  activityPoints,
  type OrderPriority,
  refOf,
  standardInForce,
  type StandardRef,
} from '../domain/standards';
import {
  accountAggregate,
  type AccountRepository,
  streetStandardsAggregate,
  type StreetStandardsRepository,
} from '../infrastructure/aggregates';
import {
  ActivityEntry,
  OrderCompletionEntry,
  OrderEntry,
  OrderRatingEntry,
} from '../infrastructure/entities';
import { Places } from './places';

/**
 * Turns what has been heard of an order or an activity into earnings, once it is all there: run
 * after every fact that may complete the picture (any of the order's facts, its community, a
 * standard of its street). Each earning is one command on the earner's account, which earns once
 * per cause however often it is run.
 */
@Injectable()
export class Earnings {
  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @InjectRepository(accountAggregate) private readonly accounts: AccountRepository,
    @InjectRepository(streetStandardsAggregate) private readonly standards: StreetStandardsRepository,
    private readonly places: Places,
  ) {}

  async settleOrder(orderId: string, context: CommandContext): Promise<void> {
    const read = this.db.readSource;
    const order = await read.getRepository(OrderEntry).findOneBy({ orderId });
    if (order?.outcome) return;
    const completions = await read.getRepository(OrderCompletionEntry).findBy({ orderId });
    const ratings = await read.getRepository(OrderRatingEntry).findBy({ orderId });
    const communityId = order?.communityId ?? null;
    const streetId = communityId ? await this.places.streetOf(communityId) : undefined;
    const standards = streetId ? (await this.standards.load(streetId)).state : null;
    const earning = orderEarning(
      {
        orderId,
        placement: communityId && order?.category ? { communityId, category: order.category } : null,
        priority: (order?.priority as OrderPriority | null) ?? null,
        completions: completions.map((c) => ({
          round: c.round,
          executorKind: c.executorKind,
          executorId: c.executorId,
          completedAt: c.completedAt,
        })),
        ratings: ratings.map((r) => ({ round: r.round, score: r.score, reopened: r.reopened })),
        streetId,
      },
      standards,
    );
    if (earning.status === 'waiting') return;
    if (earning.status === 'earns') {
      await this.earn(
        earning.personId,
        { kind: 'order', id: orderId },
        earning.communityId,
        earning.streetId,
        earning.points,
        earning.standard,
        earning.completedOn,
        context,
      );
    }
    const outcome = earning.status === 'earns' ? 'earned' : 'nothing';
    await this.db.transaction((m) => m.getRepository(OrderEntry).update({ orderId }, { outcome }));
  }

  async settleActivity(activityId: string, context: CommandContext): Promise<void> {
    const activity = await this.db.readSource.getRepository(ActivityEntry).findOneBy({ activityId });
    if (!activity || activity.outcome) return;
    const streetId = activity.streetId ?? (await this.places.streetOf(activity.communityId));
    if (streetId === undefined) return; // its community is not known here yet
    if (streetId !== null) {
      const standard = standardInForce((await this.standards.load(streetId)).state, activity.date);
      if (!standard) return; // waits for a standard in force on its day
      const points = activityPoints(standard, {
        kind: activity.kind as VolunteerActivityKind,
        hours: activity.hours,
      });
      for (const personId of activity.participantIds) {
        await this.earn(
          personId,
          { kind: 'activity', id: activityId },
          activity.communityId,
          streetId,
          points,
          refOf(standard)!,
          activity.date,
          context,
        );
      }
    }
    const outcome = streetId === null ? 'nothing' : 'earned';
    await this.db.transaction((m) => m.getRepository(ActivityEntry).update({ activityId }, { outcome }));
  }

  /** Everything of a community still waiting: run when its street becomes known. */
  async settleCommunity(communityId: string, context: CommandContext): Promise<void> {
    await this.settleWaiting([communityId], context);
  }

  /** Everything of a street's communities still waiting: run when it publishes a standard. */
  async settleStreet(streetId: string, context: CommandContext): Promise<void> {
    await this.settleWaiting(await this.places.communitiesOf(streetId), context);
  }

  private async settleWaiting(communityIds: string[], context: CommandContext): Promise<void> {
    if (communityIds.length === 0) return;
    const read = this.db.readSource;
    const orders = await read
      .getRepository(OrderEntry)
      .findBy({ communityId: In(communityIds), outcome: IsNull() });
    for (const order of orders) await this.settleOrder(order.orderId, context);
    const activities = await read
      .getRepository(ActivityEntry)
      .findBy({ communityId: In(communityIds), outcome: IsNull() });
    for (const activity of activities) await this.settleActivity(activity.activityId, context);
  }

  private async earn(
    personId: string,
    cause: EarningCause,
    communityId: string,
    streetId: string,
    points: number,
    standard: StandardRef,
    earnedOn: string,
    context: CommandContext,
  ): Promise<void> {
    const now = context.now.toISOString();
    await this.accounts.handle(
      personId,
      (account) =>
        accountDecider.decide(
          {
            type: 'EarnPoints',
            data: { personId, cause, communityId, streetId, points, standard, earnedOn, now },
          },
          account,
        ),
      // One fact may settle several accounts: the cause, not the fact's key, keeps it to once.
      withoutIdempotencyKey(context),
    );
  }
}
