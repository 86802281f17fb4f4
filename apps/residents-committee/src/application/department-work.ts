import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import type { CommandContext } from '@cogov/event-sourcing';
import { isDepartmentStaff } from '../domain/department';
import { type Executor, type WorkStep, orderDecider } from '../domain/order';
import {
  type DepartmentRepository,
  type OrderRepository,
  departmentAggregate,
  orderAggregate,
} from '../infrastructure/aggregates';

/** A step of work on an order by a group the committee keeps a register of (who, what). */
export interface GroupWork {
  readonly orderId: string;
  readonly performedBy: string;
  readonly step: WorkStep;
  readonly note: string | null;
  readonly resultNote: string | null;
  readonly evidence: string[];
  readonly reason: string | null;
}

/**
 * A department or a volunteer team keeps no half of the order (neither is a context of its own):
 * its work is recorded on the order through the one order-work path, for the round the order is
 * in, and the outbound publishes it in that language. The caller says whether the performer is
 * one of the group's people; the order decider refuses the step otherwise.
 */
export async function recordGroupWork(
  orders: OrderRepository,
  executor: Executor,
  performerIsStaff: boolean,
  work: GroupWork,
  context: CommandContext,
): Promise<{ id: string }> {
  await orders.handle(
    work.orderId,
    (state) =>
      orderDecider.decide(
        {
          type: 'RecordOrderWork',
          data: {
            orderId: work.orderId,
            // The route names no round: the work is for the one the order is in.
            round: state.status === 'absent' ? 1 : state.round,
            executor,
            performedBy: work.performedBy,
            performerIsStaff,
            step: work.step,
            at: context.now.toISOString(),
            note: work.note,
            resultNote: work.resultNote,
            evidence: work.evidence,
            reason: work.reason,
          },
        },
        state,
      ),
    context,
  );
  return { id: work.orderId };
}

/** 报到: a department's step of work on an order whistled to it, done by one of its staff. */
export class RecordDepartmentWorkCommand extends Command<{ id: string }> {
  constructor(
    readonly input: GroupWork & { readonly departmentId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordDepartmentWorkCommand)
export class RecordDepartmentWorkHandler implements ICommandHandler<RecordDepartmentWorkCommand> {
  constructor(
    @InjectRepository(orderAggregate) private readonly orders: OrderRepository,
    @InjectRepository(departmentAggregate) private readonly departments: DepartmentRepository,
  ) {}

  async execute({ input, context }: RecordDepartmentWorkCommand) {
    const department = (await this.departments.load(input.departmentId)).state;
    return recordGroupWork(
      this.orders,
      { kind: 'department', id: input.departmentId },
      isDepartmentStaff(department, input.performedBy),
      input,
      context,
    );
  }
}
