import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type {
  IntegrationEvent,
  MemberRegisteredV1,
  OrderCompletedV1,
  OrderReviewedV1,
  OrderTakenV1,
  OrganizationFoundedV1,
} from '@cogov/contracts';
import { type Subscription, commandContextOf } from '@cogov/messaging';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { RecordOrderProgressCommand } from '../application/record-order-progress';
import { PartyDirectoryEntry } from './directory/party-directory.entity';

export const RESIDENTS_COMMITTEE_GROUP = 'residents-committee';

/**
 * What the residents' committee does with the Party organization's facts: each one dispatches a
 * single command (or a directory upsert), keyed by the integration event id so a redelivery
 * changes nothing.
 */
@Injectable()
export class ResidentsCommitteeInbound {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  subscription(): Subscription {
    return {
      group: RESIDENTS_COMMITTEE_GROUP,
      handlers: {
        'party-organization.organization-founded': {
          versions: [1],
          handle: (e) => this.organizationFounded(e as OrganizationFoundedV1),
        },
        'party-organization.member-registered': {
          versions: [1],
          handle: (e) => this.memberRegistered(e as MemberRegisteredV1),
        },
        'party-organization.order-reviewed': {
          versions: [1],
          handle: (e) => this.record(e, { kind: 'review', ...(e as OrderReviewedV1).data }),
        },
        'party-organization.order-taken': {
          versions: [1],
          handle: (e) => this.record(e, { kind: 'taken', ...(e as OrderTakenV1).data }),
        },
        'party-organization.order-completed': {
          versions: [1],
          handle: (e) => this.record(e, { kind: 'completed', ...(e as OrderCompletedV1).data }),
        },
      },
    };
  }

  private async organizationFounded(event: OrganizationFoundedV1): Promise<void> {
    const d = event.data;
    await this.upsert({
      id: d.organizationId,
      kind: d.kind,
      communityId: d.communityId,
      branchId: d.kind === 'branch' ? d.organizationId : d.kind === 'group' ? d.parentId : null,
    });
  }

  private async memberRegistered(event: MemberRegisteredV1): Promise<void> {
    const d = event.data;
    await this.upsert({ id: d.memberId, kind: 'member', communityId: d.communityId, branchId: d.branchId });
  }

  private async upsert(entry: PartyDirectoryEntry): Promise<void> {
    await this.db.transaction((m) => m.getRepository(PartyDirectoryEntry).upsert(entry, ['id']));
  }

  private async record(
    event: IntegrationEvent,
    progress: RecordOrderProgressCommand['progress'],
  ): Promise<void> {
    await this.commands.execute(new RecordOrderProgressCommand(progress, commandContextOf(event)));
  }
}
