import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { CompoundDirectoryEntry } from '../infrastructure/directory/compound-directory.entity';

/** Keeps what the property company knows of a compound (its directory). */
export class RecordCompoundCommand extends Command<void> {
  constructor(
    readonly entry: CompoundDirectoryEntry,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordCompoundCommand)
export class RecordCompoundHandler implements ICommandHandler<RecordCompoundCommand> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ entry }: RecordCompoundCommand): Promise<void> {
    // An upsert by id: a redelivered fact writes the same row again.
    await this.db.transaction((m) => m.getRepository(CompoundDirectoryEntry).upsert(entry, ['compoundId']));
  }
}
