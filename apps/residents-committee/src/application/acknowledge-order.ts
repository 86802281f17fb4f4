import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import type { CommandContext } from '@cogov/event-sourcing';
import { isWorker } from '../domain/community';
import { communityOfOrder, orderDecider } from '../domain/order';
import {
  type CommunityRepository,
  type OrderRepository,
  communityAggregate,
  orderAggregate,
} from '../infrastructure/aggregates';

export class AcknowledgeOrderCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { orderId: string; staffId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** 受理: staff or a grid worker of the order's community answers the resident. */
@CommandHandler(AcknowledgeOrderCommand)
export class AcknowledgeOrderHandler implements ICommandHandler<AcknowledgeOrderCommand> {
  constructor(
    @InjectRepository(orderAggregate) private readonly orders: OrderRepository,
    @InjectRepository(communityAggregate) private readonly communities: CommunityRepository,
  ) {}

  async execute({ input, context }: AcknowledgeOrderCommand) {
    const communityId = communityOfOrder((await this.orders.load(input.orderId)).state);
    const community = communityId ? (await this.communities.load(communityId)).state : null;
    const staffIsWorkerOfCommunity = community !== null && isWorker(community, input.staffId);
    await this.orders.handle(
      input.orderId,
      (state) =>
        orderDecider.decide(
          {
            type: 'AcknowledgeOrder',
            data: { ...input, staffIsWorkerOfCommunity, now: context.now.toISOString() },
          },
          state,
        ),
      context,
    );
    return { id: input.orderId };
  }
}
