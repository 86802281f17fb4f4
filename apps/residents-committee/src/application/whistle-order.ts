import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import type { CommandContext } from '@cogov/event-sourcing';
import { isWorker } from '../domain/community';
import { type WhistleLevel, communityOfOrder, orderDecider } from '../domain/order';
import {
  type CommunityRepository,
  type DepartmentRepository,
  type OrderRepository,
  communityAggregate,
  departmentAggregate,
  orderAggregate,
} from '../infrastructure/aggregates';

export class WhistleOrderCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      orderId: string;
      whistlerId: string;
      departmentId: string;
      level: WhistleLevel;
      reason: string;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** 吹哨: the community calls a department in on an order. */
@CommandHandler(WhistleOrderCommand)
export class WhistleOrderHandler implements ICommandHandler<WhistleOrderCommand> {
  constructor(
    @InjectRepository(orderAggregate) private readonly orders: OrderRepository,
    @InjectRepository(communityAggregate) private readonly communities: CommunityRepository,
    @InjectRepository(departmentAggregate) private readonly departments: DepartmentRepository,
  ) {}

  async execute({ input, context }: WhistleOrderCommand) {
    // What the decision needs besides the order: whether the whistler works for its community,
    // the community's street, and where the department lies (the decider compares them).
    const communityId = communityOfOrder((await this.orders.load(input.orderId)).state);
    const community = communityId ? (await this.communities.load(communityId)).state : null;
    const department = (await this.departments.load(input.departmentId)).state;
    await this.orders.handle(
      input.orderId,
      (state) =>
        orderDecider.decide(
          {
            type: 'WhistleOrder',
            data: {
              ...input,
              whistlerIsWorkerOfCommunity: community !== null && isWorker(community, input.whistlerId),
              department:
                department.status === 'absent'
                  ? { exists: false }
                  : { exists: true, streetId: department.streetId },
              communityStreetId: community?.status === 'registered' ? community.streetId : null,
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    return { id: input.orderId };
  }
}
