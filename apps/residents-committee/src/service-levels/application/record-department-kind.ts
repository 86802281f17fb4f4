import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { ServiceLevelDepartment } from '../infrastructure/department-kind.entity';

/** Keeps a registered department's kind, which its deadlines may depend on. */
export class RecordDepartmentKindCommand extends Command<void> {
  constructor(
    readonly entry: { departmentId: string; kind: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordDepartmentKindCommand)
export class RecordDepartmentKindHandler implements ICommandHandler<RecordDepartmentKindCommand> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ entry }: RecordDepartmentKindCommand): Promise<void> {
    // An upsert by id: a redelivered fact writes the same row again.
    await this.db.transaction((m) =>
      m
        .getRepository(ServiceLevelDepartment)
        .upsert({ departmentId: entry.departmentId, kind: entry.kind }, ['departmentId']),
    );
  }
}
