import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import type { CommandContext } from '@cogov/event-sourcing';
import { isDepartmentStaff } from '../domain/department';
import { type WorkStep, orderDecider } from '../domain/order';
import {
  type DepartmentRepository,
  type OrderRepository,
  departmentAggregate,
  orderAggregate,
} from '../infrastructure/aggregates';

/** 报到: a department's step of work on an order whistled to it, done by one of its staff. */
export class RecordDepartmentWorkCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      departmentId: string;
      orderId: string;
      performedBy: string;
      step: WorkStep;
      note: string | null;
      resultNote: string | null;
      evidence: string[];
      reason: string | null;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * The department keeps no half of the order (it is no context of its own): its work is recorded
 * on the order through the one order-work path, and the outbound publishes it in that language.
 */
@CommandHandler(RecordDepartmentWorkCommand)
export class RecordDepartmentWorkHandler implements ICommandHandler<RecordDepartmentWorkCommand> {
  constructor(
    @InjectRepository(orderAggregate) private readonly orders: OrderRepository,
    @InjectRepository(departmentAggregate) private readonly departments: DepartmentRepository,
  ) {}

  async execute({ input, context }: RecordDepartmentWorkCommand) {
    const department = (await this.departments.load(input.departmentId)).state;
    const performerIsStaff = isDepartmentStaff(department, input.performedBy);
    await this.orders.handle(
      input.orderId,
      (state) =>
        orderDecider.decide(
          {
            type: 'RecordOrderWork',
            data: {
              orderId: input.orderId,
              // The route names no round: the work is for the one the order is in.
              round: state.status === 'absent' ? 1 : state.round,
              executor: { kind: 'department', id: input.departmentId },
              performedBy: input.performedBy,
              performerIsStaff,
              step: input.step,
              at: context.now.toISOString(),
              note: input.note,
              resultNote: input.resultNote,
              evidence: input.evidence,
              reason: input.reason,
            },
          },
          state,
        ),
      context,
    );
    return { id: input.orderId };
  }
}
