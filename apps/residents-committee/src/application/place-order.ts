import { InjectRepository } from '@cogov/context-kit';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { type OrderCategory, type OrderChannel, orderDecider } from '../domain/order';
import {
  type CompoundRepository,
  type GridPlanRepository,
  type OrderRepository,
  type ResidentRepository,
  compoundAggregate,
  gridPlanAggregate,
  orderAggregate,
  residentAggregate,
} from '../infrastructure/aggregates';
import { summarizeCompound as compoundSummary } from '../domain/compound';
import { gridOf } from '../domain/grid-plan';
import { summarizeResident as residentSummary } from '../domain/resident';

export class PlaceOrderCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      /** Chosen by the fact it comes from when that fact's context must recognise the order (an escalated mediation's). */
      orderId?: string;
      residentId: string;
      compoundId: string;
      buildingId: string | null;
      category: OrderCategory;
      title: string;
      description: string;
      channel: OrderChannel;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** 居民点单 */
@CommandHandler(PlaceOrderCommand)
export class PlaceOrderHandler implements ICommandHandler<PlaceOrderCommand> {
  constructor(
    @InjectRepository(residentAggregate) private readonly residents: ResidentRepository,
    @InjectRepository(compoundAggregate) private readonly compounds: CompoundRepository,
    @InjectRepository(orderAggregate) private readonly orders: OrderRepository,
    @InjectRepository(gridPlanAggregate) private readonly plans: GridPlanRepository,
  ) {}

  async execute({ input, context }: PlaceOrderCommand) {
    const orderId = input.orderId ?? newId(context, 'order');
    const [resident, compound] = await Promise.all([
      this.residents.load(input.residentId),
      this.compounds.load(input.compoundId),
    ]);
    const { orderId: _o, residentId: _r, compoundId: _c, ...rest } = input;
    // The grid is fixed at placing time: a grid redrawn later does not move the orders it had.
    const gridId =
      compound.state.status === 'absent'
        ? null
        : gridOf(
            (await this.plans.load(compound.state.communityId)).state,
            input.compoundId,
            input.buildingId,
          );
    await this.orders.handle(
      orderId,
      (state) =>
        orderDecider.decide(
          {
            type: 'PlaceOrder',
            data: {
              ...rest,
              orderId,
              gridId,
              resident: residentSummary(input.residentId, resident.state),
              compound: compoundSummary(input.compoundId, compound.state),
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    return { id: orderId };
  }
}
