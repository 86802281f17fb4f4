import { InjectRepository } from '@cogov/context-kit';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@cogov/event-sourcing';
import { type CompanyOrderCommand, companyOrderDecider } from '../domain/company-order';
import { type CompanyOrderRepository, companyOrderAggregate } from '../infrastructure/aggregates';

type Step = Exclude<CompanyOrderCommand, { type: 'RecordDispatch' }>;
type StepInput<S extends Step> = Omit<S['data'], 'now'>;

/**
 * A step of the company's work on an order dispatched to it (受理 / 到场 / 办结 / 退回), by one of
 * its staff or its partner system.
 */
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
  constructor(@InjectRepository(companyOrderAggregate) private readonly orders: CompanyOrderRepository) {}

  async execute({ step, context }: WorkOnOrderCommand) {
    const command = { ...step, data: { ...step.data, now: context.now.toISOString() } } as Step;
    await this.orders.handle(
      step.data.orderId,
      (state) => companyOrderDecider.decide(command, state),
      context,
    );
    return { id: step.data.orderId };
  }
}

/** The residents' committee dispatched an order (to this company or, in a later round, elsewhere). */
export class RecordDispatchCommand extends Command<void> {
  constructor(
    readonly dispatch: Extract<CompanyOrderCommand, { type: 'RecordDispatch' }>['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordDispatchCommand)
export class RecordDispatchHandler implements ICommandHandler<RecordDispatchCommand> {
  constructor(@InjectRepository(companyOrderAggregate) private readonly orders: CompanyOrderRepository) {}

  async execute({ dispatch, context }: RecordDispatchCommand): Promise<void> {
    await this.orders.handle(
      dispatch.orderId,
      (state) => companyOrderDecider.decide({ type: 'RecordDispatch', data: dispatch }, state),
      context,
    );
  }
}
