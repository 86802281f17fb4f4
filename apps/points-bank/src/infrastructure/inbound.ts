import {
  ORDER_WORK_CONTRACTS,
  communityRegisteredV1,
  communityRegisteredV2,
  orderPlacedV1,
  orderPlacedV2,
  orderRatedV1,
  orderReviewedV1,
  streetRegisteredV1,
  volunteerActivityConfirmedV1,
} from '@cogov/contracts';
import { consume, consumeVersions } from '@cogov/context-kit';
import {
  activities,
  communities,
  completions,
  placements,
  ratings,
  reviews,
  streets,
} from '../application/record-facts';
import type { ActivityEntry, OrderEntry } from './entities';

/**
 * What the points bank hears: where communities lie, each order's placement, review, completion
 * and rating, and confirmed volunteer activities. Each fact, once its schema holds, is one
 * command naming the fields it keeps; a redelivery writes the same row and earns nothing twice.
 */
export const pointsBankInbound = [
  consume(
    streetRegisteredV1,
    ({ data: d }, context) => new streets.Record({ streetId: d.streetId, name: d.name }, context),
  ),
  // A v1 community was registered before streets existed: it lies in none, and earns nothing.
  consume(
    communityRegisteredV1,
    ({ data: d }, context) => new communities.Record({ communityId: d.communityId, streetId: null }, context),
  ),
  consume(
    communityRegisteredV2,
    ({ data: d }, context) =>
      new communities.Record({ communityId: d.communityId, streetId: d.streetId }, context),
  ),
  ...consumeVersions(
    [orderPlacedV1, orderPlacedV2],
    ({ data: d }, context) =>
      new placements.Record(
        { orderId: d.orderId, communityId: d.communityId, category: d.category } as OrderEntry,
        context,
      ),
  ),
  consume(
    orderReviewedV1,
    ({ data: d }, context) =>
      new reviews.Record(
        { orderId: d.orderId, priority: d.priority, reviewedAt: d.reviewedAt } as OrderEntry,
        context,
      ),
  ),
  // Only the `completed` step names who earns; the other steps keep nothing here.
  ...consumeVersions(
    ORDER_WORK_CONTRACTS,
    ({ data: d }, context) =>
      new completions.Record(
        d.step === 'completed'
          ? [
              {
                orderId: d.orderId,
                round: d.round,
                executorKind: d.executor.kind,
                executorId: d.executor.id,
                completedAt: d.at,
              },
            ]
          : [],
        context,
      ),
  ),
  consume(
    orderRatedV1,
    ({ data: d }, context) =>
      new ratings.Record(
        { orderId: d.orderId, round: d.round, score: d.score, reopened: d.reopened },
        context,
      ),
  ),
  consume(
    volunteerActivityConfirmedV1,
    ({ data: d }, context) =>
      new activities.Record(
        {
          activityId: d.activityId,
          communityId: d.communityId,
          streetId: d.streetId,
          kind: d.kind,
          date: d.date,
          hours: d.hours,
          participantIds: [...d.participantIds],
        } as ActivityEntry,
        context,
      ),
  ),
];
