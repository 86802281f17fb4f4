import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import type { CommandContext } from '@cogov/event-sourcing';
import { type LeaderOrderCommand, leaderOrderDecider } from '../domain/leader-order';
import {
  buildingLeaderAggregate,
  type BuildingLeaderRepository,
  leaderOrderAggregate,
  type LeaderOrderRepository,
} from '../infrastructure/aggregates';

type Step = Exclude<LeaderOrderCommand, { type: 'RecordDispatch' }>;
type StepInput<S extends Step> = Omit<S['data'], 'now' | 'leaderApproved'>;

/** A step of a building leader's work on an order dispatched to them (受理 / 到场 / 办结 / 退回). */
export class WorkOnOrderCommand extends Command<{ id: string }> {
  constructor(
    readonly step:
      | { type: 'AcceptOrder'; data: StepInput<Extract<Step, { type: 'AcceptOrder' }>> }
      | { type: 'RecordArrival'; data: StepInput<Extract<Step, { type: 'RecordArrival' }>> }
      | { type: 'CompleteOrder'; data: StepInput<Extract<Step, { type: 'CompleteOrder' }>> }
      | { type: 'HandBackOrder'; data: StepInput<Extract<Step, { type: 'HandBackOrder' }>> },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(WorkOnOrderCommand)
export class WorkOnOrderHandler implements ICommandHandler<WorkOnOrderCommand> {
  constructor(
    @InjectRepository(leaderOrderAggregate) private readonly orders: LeaderOrderRepository,
    @InjectRepository(buildingLeaderAggregate) private readonly leaders: BuildingLeaderRepository,
  ) {}

  async execute({ step, context }: WorkOnOrderCommand) {
    const leader = (await this.leaders.load(step.data.leaderId)).state;
    const leaderApproved = leader.status === 'approved';
    const command = {
      ...step,
      data: { ...step.data, leaderApproved, now: context.now.toISOString() },
    } as Step;
    await this.orders.handle(
      step.data.orderId,
      (state) => leaderOrderDecider.decide(command, state),
      context,
    );
    return { id: step.data.orderId };
  }
}

/** The residents' committee dispatched an order (to a building leader or, in a later round, elsewhere). */
export class RecordDispatchCommand extends Command<void> {
  constructor(
    readonly dispatch: Extract<LeaderOrderCommand, { type: 'RecordDispatch' }>['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordDispatchCommand)
export class RecordDispatchHandler implements ICommandHandler<RecordDispatchCommand> {
  constructor(@InjectRepository(leaderOrderAggregate) private readonly orders: LeaderOrderRepository) {}

  async execute({ dispatch, context }: RecordDispatchCommand): Promise<void> {
    await this.orders.handle(
      dispatch.orderId,
      (state) => leaderOrderDecider.decide({ type: 'RecordDispatch', data: dispatch }, state),
      context,
    );
  }
}
