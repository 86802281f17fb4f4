import { InjectRepository } from '@cogov/context-kit';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { type CompanyOrderCommand, type CompoundServed, companyOrderDecider } from '../domain/company-order';
import {
  type CompanyOrderRepository,
  type CompanyRepository,
  companyAggregate,
  companyOrderAggregate,
} from '../infrastructure/aggregates';
import { OrderDirectoryEntry } from '../infrastructure/directory/order-directory.entity';

type Step = Exclude<CompanyOrderCommand, { type: 'RecordDispatch' }>;
type StepInput<S extends Step> = Omit<S['data'], 'now' | 'service'>;

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

/**
 * Accepting an order takes it on: the company must serve the order's compound that day, by a
 * contract of its own (checked once, at acceptance, so a contract ending mid-work does not strand
 * an order already on site).
 */
@CommandHandler(WorkOnOrderCommand)
export class WorkOnOrderHandler implements ICommandHandler<WorkOnOrderCommand> {
  constructor(
    @InjectRepository(companyOrderAggregate) private readonly orders: CompanyOrderRepository,
    @InjectRepository(companyAggregate) private readonly companies: CompanyRepository,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  async execute({ step, context }: WorkOnOrderCommand) {
    const now = context.now.toISOString();
    const command = (
      step.type === 'AcceptOrder'
        ? { ...step, data: { ...step.data, service: await this.service(step.data, now), now } }
        : { ...step, data: { ...step.data, now } }
    ) as Step;
    await this.orders.handle(
      step.data.orderId,
      (state) => companyOrderDecider.decide(command, state),
      context,
    );
    return { id: step.data.orderId };
  }

  private async service(work: { orderId: string; companyId: string }, now: string): Promise<CompoundServed> {
    const entry = await this.db.readSource
      .getRepository(OrderDirectoryEntry)
      .findOneBy({ orderId: work.orderId });
    if (!entry) return null;
    const { state: company } = await this.companies.load(work.companyId);
    const day = now.slice(0, 10);
    const served =
      company.status === 'registered' &&
      company.contracts.some(
        (c) => c.compoundId === entry.compoundId && c.startsOn <= day && day <= c.endsOn,
      );
    return { compoundId: entry.compoundId, served, on: day };
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

/** Keeps the compound of an order the residents' committee published. */
export class RecordOrderCompoundCommand extends Command<void> {
  constructor(
    readonly entry: OrderDirectoryEntry,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordOrderCompoundCommand)
export class RecordOrderCompoundHandler implements ICommandHandler<RecordOrderCompoundCommand> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ entry }: RecordOrderCompoundCommand): Promise<void> {
    // An upsert by id: a redelivered fact writes the same row again.
    await this.db.transaction((m) => m.getRepository(OrderDirectoryEntry).upsert(entry, ['orderId']));
  }
}
