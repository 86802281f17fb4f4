import { Inject } from '@nestjs/common';
import {
  Command,
  CommandHandler,
  type ICommandHandler,
  type IQueryHandler,
  Query,
  QueryHandler,
} from '@nestjs/cqrs';
import { In } from 'typeorm';
import { InjectRepository } from '@cogov/context-kit';
import { NotFound } from '@cogov/decider';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { type DepartmentKind, departmentDecider } from '../domain/department';
import {
  type DepartmentRepository,
  type StreetRepository,
  departmentAggregate,
  streetAggregate,
} from '../infrastructure/aggregates';
import { DepartmentView } from '../infrastructure/departments/department-view.entity';

export class RegisterDepartmentCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { streetId: string; name: string; kind: DepartmentKind },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A street enters a department in its directory: the street must exist (ADR 21). */
@CommandHandler(RegisterDepartmentCommand)
export class RegisterDepartmentHandler implements ICommandHandler<RegisterDepartmentCommand> {
  constructor(
    @InjectRepository(departmentAggregate) private readonly departments: DepartmentRepository,
    @InjectRepository(streetAggregate) private readonly streets: StreetRepository,
  ) {}

  async execute({ input, context }: RegisterDepartmentCommand) {
    const departmentId = newId(context, 'department');
    const street = await this.streets.load(input.streetId);
    const exists = street.state.status !== 'absent';
    await this.departments.handle(
      departmentId,
      (state) =>
        departmentDecider.decide(
          {
            type: 'RegisterDepartment',
            data: {
              departmentId,
              street: { streetId: input.streetId, exists },
              name: input.name,
              kind: input.kind,
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    return { id: departmentId };
  }
}

export class AddDepartmentStaffCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { departmentId: string; staffId: string; name: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AddDepartmentStaffCommand)
export class AddDepartmentStaffHandler implements ICommandHandler<AddDepartmentStaffCommand> {
  constructor(@InjectRepository(departmentAggregate) private readonly departments: DepartmentRepository) {}

  async execute({ input, context }: AddDepartmentStaffCommand) {
    await this.departments.handle(
      input.departmentId,
      (state) =>
        departmentDecider.decide(
          { type: 'AddDepartmentStaff', data: { ...input, now: context.now.toISOString() } },
          state,
        ),
      context,
    );
    return { id: input.staffId };
  }
}

export class RemoveDepartmentStaffCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { departmentId: string; staffId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RemoveDepartmentStaffCommand)
export class RemoveDepartmentStaffHandler implements ICommandHandler<RemoveDepartmentStaffCommand> {
  constructor(@InjectRepository(departmentAggregate) private readonly departments: DepartmentRepository) {}

  async execute({ input, context }: RemoveDepartmentStaffCommand) {
    await this.departments.handle(
      input.departmentId,
      (state) =>
        departmentDecider.decide(
          { type: 'RemoveDepartmentStaff', data: { ...input, now: context.now.toISOString() } },
          state,
        ),
      context,
    );
    return { id: input.departmentId };
  }
}

export interface DepartmentBody {
  readonly id: string;
  readonly streetId: string;
  readonly name: string;
  readonly kind: DepartmentKind;
  readonly registeredAt: string;
  readonly staff: ReadonlyArray<{ staffId: string; name: string }>;
}

export class GetDepartmentQuery extends Query<DepartmentBody> {
  constructor(readonly departmentId: string) {
    super();
  }
}

/** Read from the department's own stream: small, and current the moment staff are added. */
@QueryHandler(GetDepartmentQuery)
export class GetDepartmentHandler implements IQueryHandler<GetDepartmentQuery> {
  constructor(@InjectRepository(departmentAggregate) private readonly departments: DepartmentRepository) {}

  async execute({ departmentId }: GetDepartmentQuery): Promise<DepartmentBody> {
    const { state } = await this.departments.load(departmentId);
    if (state.status === 'absent') throw new NotFound('department', departmentId);
    return {
      id: state.departmentId,
      streetId: state.streetId,
      name: state.name,
      kind: state.kind,
      registeredAt: state.registeredAt,
      staff: state.staff.map(({ staffId, name }) => ({ staffId, name })),
    };
  }
}

export interface DepartmentListItem {
  readonly id: string;
  readonly streetId: string;
  readonly name: string;
  readonly kind: string;
  readonly staffCount: number;
  readonly registeredAt: string;
}

export class ListDepartmentsQuery extends Query<{ items: DepartmentListItem[] }> {
  constructor(
    /** `everywhere` for a platform admin; otherwise the streets of the caller's `streets` claim. */
    readonly filter: { streetId?: string; withinStreets: 'everywhere' | readonly string[] },
  ) {
    super();
  }
}

/** The directory, by street and name; a street-scoped caller sees only their streets' departments. */
@QueryHandler(ListDepartmentsQuery)
export class ListDepartmentsHandler implements IQueryHandler<ListDepartmentsQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ filter }: ListDepartmentsQuery): Promise<{ items: DepartmentListItem[] }> {
    const { streetId, withinStreets } = filter;
    const streets =
      withinStreets === 'everywhere'
        ? streetId === undefined
          ? null
          : [streetId]
        : withinStreets.filter((id) => streetId === undefined || id === streetId);
    if (streets !== null && streets.length === 0) return { items: [] };
    const rows = await this.db.readSource.getRepository(DepartmentView).find({
      where: streets === null ? {} : { streetId: In(streets) },
      order: { streetId: 'ASC', name: 'ASC', departmentId: 'ASC' },
      take: 500,
    });
    return {
      items: rows.map((row) => ({
        id: row.departmentId,
        streetId: row.streetId,
        name: row.name,
        kind: row.kind,
        staffCount: row.staffIds.length,
        registeredAt: row.registeredAt,
      })),
    };
  }
}
