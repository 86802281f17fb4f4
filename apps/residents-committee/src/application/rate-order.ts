import { InjectRepository } from '@cogov/context-kit';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@cogov/event-sourcing';
import { orderDecider } from '../domain/order';
import {
  type OrderRepository,
  type ResidentRepository,
  orderAggregate,
  residentAggregate,
} from '../infrastructure/aggregates';

export class RateOrderCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { orderId: string; raterId: string; score: number; comment: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** 党群评单 */
@CommandHandler(RateOrderCommand)
export class RateOrderHandler implements ICommandHandler<RateOrderCommand> {
  constructor(
    @InjectRepository(orderAggregate) private readonly orders: OrderRepository,
    @InjectRepository(residentAggregate) private readonly residents: ResidentRepository,
  ) {}

  async execute({ input, context }: RateOrderCommand) {
    const raterIsResident = (await this.residents.load(input.raterId)).state.status !== 'absent';
    await this.orders.handle(
      input.orderId,
      (state) =>
        orderDecider.decide(
          { type: 'RateOrder', data: { ...input, raterIsResident, now: context.now.toISOString() } },
          state,
        ),
      context,
    );
    return { id: input.orderId };
  }
}
