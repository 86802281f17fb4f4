import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type {
  BuildingRegisteredV1,
  CommunityRegisteredV1,
  CompoundRegisteredV1,
  IntegrationEvent,
  OrderDispatchedV1,
  OrderPlacedV1,
  OrderRatedV1,
} from '@cogov/contracts';
import { type Subscription, commandContextOf } from '@cogov/messaging';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { RecordOrderLifecycleCommand } from '../application/record-order-lifecycle';
import { CommunityDirectoryEntry } from './directory/community-directory.entity';

export const PARTY_ORGANIZATION_GROUP = 'party-organization';

/**
 * What the Party organization does with the residents' committee's facts: each one dispatches a
 * single command (or a directory upsert), keyed by the integration event id so a redelivery
 * changes nothing.
 */
@Injectable()
export class PartyOrganizationInbound {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  subscription(): Subscription {
    return {
      group: PARTY_ORGANIZATION_GROUP,
      handlers: {
        'residents-committee.community-registered': {
          versions: [1],
          handle: (e) => {
            const d = (e as CommunityRegisteredV1).data;
            return this.upsert({
              id: d.communityId,
              kind: 'community',
              communityId: d.communityId,
              compoundId: null,
            });
          },
        },
        'residents-committee.compound-registered': {
          versions: [1],
          handle: (e) => {
            const d = (e as CompoundRegisteredV1).data;
            return this.upsert({
              id: d.compoundId,
              kind: 'compound',
              communityId: d.communityId,
              compoundId: null,
            });
          },
        },
        'residents-committee.building-registered': {
          versions: [1],
          handle: (e) => {
            const d = (e as BuildingRegisteredV1).data;
            return this.upsert({
              id: d.buildingId,
              kind: 'building',
              communityId: d.communityId,
              compoundId: d.compoundId,
            });
          },
        },
        'residents-committee.order-placed': {
          versions: [1],
          handle: (e) => {
            const { residentId: _, channel: _channel, ...data } = (e as OrderPlacedV1).data;
            return this.record(e, { kind: 'opened', ...data });
          },
        },
        'residents-committee.order-dispatched': {
          versions: [1],
          handle: (e) => this.record(e, { kind: 'dispatched', ...(e as OrderDispatchedV1).data }),
        },
        'residents-committee.order-rated': {
          versions: [1],
          handle: (e) => {
            const { raterId: _, comment: _comment, ...data } = (e as OrderRatedV1).data;
            return this.record(e, { kind: 'rated', ...data });
          },
        },
      },
    };
  }

  private async upsert(entry: CommunityDirectoryEntry): Promise<void> {
    await this.db.transaction((m) => m.getRepository(CommunityDirectoryEntry).upsert(entry, ['id']));
  }

  private async record(
    event: IntegrationEvent,
    change: RecordOrderLifecycleCommand['change'],
  ): Promise<void> {
    await this.commands.execute(new RecordOrderLifecycleCommand(change, commandContextOf(event)));
  }
}
