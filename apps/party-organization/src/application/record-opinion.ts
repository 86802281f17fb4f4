import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { EvaluationDirectoryEntry } from '../infrastructure/directory/evaluation-directory.entity';
import { OpinionDirectoryEntry } from '../infrastructure/directory/opinion-directory.entity';

/** Keeps an opinion a building leader reported, for joint meetings' agendas to name. */
export class RecordOpinionCommand extends Command<void> {
  constructor(
    readonly entry: OpinionDirectoryEntry,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordOpinionCommand)
export class RecordOpinionHandler implements ICommandHandler<RecordOpinionCommand> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ entry }: RecordOpinionCommand): Promise<void> {
    // An upsert by id: a redelivered fact writes the same row again.
    await this.db.transaction((m) => m.getRepository(OpinionDirectoryEntry).upsert(entry, ['opinionId']));
  }
}

export class RecordEvaluationCommand extends Command<void> {
  constructor(
    readonly entry: EvaluationDirectoryEntry,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordEvaluationCommand)
export class RecordEvaluationHandler implements ICommandHandler<RecordEvaluationCommand> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ entry }: RecordEvaluationCommand): Promise<void> {
    // An upsert by id: a redelivered fact writes the same row again.
    await this.db.transaction((m) =>
      m.getRepository(EvaluationDirectoryEntry).upsert(entry, ['evaluationId']),
    );
  }
}
