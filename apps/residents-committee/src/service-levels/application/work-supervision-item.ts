import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import type { CommandContext } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { isWorker } from '../../domain/community';
import { type CommunityRepository, communityAggregate } from '../../infrastructure/aggregates';
import { type RaisedItem, type SupervisionCommand, supervisionDecider } from '../domain/supervision-item';
import {
  type SupervisionItemRepository,
  supervisionItemAggregate,
} from '../infrastructure/service-level.aggregate';
import { SupervisionItem } from '../infrastructure/supervision-item.entity';

export type SupervisionWork =
  | { type: 'AssignSupervisor'; supervisorId: string }
  | { type: 'AddSupervisionNote'; note: string }
  | { type: 'ResolveSupervisionItem'; note: string };

export class WorkSupervisionItemCommand extends Command<{ id: string }> {
  constructor(
    readonly itemId: string,
    readonly work: SupervisionWork,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** 督办: staff work through an item of the supervision list. */
@CommandHandler(WorkSupervisionItemCommand)
export class WorkSupervisionItemHandler implements ICommandHandler<WorkSupervisionItemCommand> {
  constructor(
    @InjectRepository(supervisionItemAggregate) private readonly items: SupervisionItemRepository,
    @InjectRepository(communityAggregate) private readonly communities: CommunityRepository,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  async execute({ itemId, work, context }: WorkSupervisionItemCommand) {
    // The item was raised by the process; the list is where it is known, with its community.
    const row = await this.db.readSource.getRepository(SupervisionItem).findOneBy({ itemId });
    const item: RaisedItem | null = row
      ? { orderId: row.orderId, communityId: row.communityId, stage: row.stage }
      : null;
    const base = { itemId, item, by: context.actorId, now: context.now.toISOString() };
    let command: SupervisionCommand;
    if (work.type === 'AssignSupervisor') {
      const community = item ? (await this.communities.load(item.communityId)).state : null;
      command = {
        type: work.type,
        data: {
          ...base,
          supervisorId: work.supervisorId,
          supervisorIsWorkerOfCommunity: community !== null && isWorker(community, work.supervisorId),
        },
      };
    } else {
      command = { type: work.type, data: { ...base, note: work.note } };
    }
    await this.items.handle(itemId, (state) => supervisionDecider.decide(command, state), context);
    return { id: itemId };
  }
}
