import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { CompanyDirectoryEntry } from '../infrastructure/directory/company-directory.entity';

/** Keeps that a property company exists (the residents' committee's company directory). */
export class RecordCompanyDirectoryEntryCommand extends Command<void> {
  constructor(
    readonly entry: CompanyDirectoryEntry,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordCompanyDirectoryEntryCommand)
export class RecordCompanyDirectoryEntryHandler implements ICommandHandler<RecordCompanyDirectoryEntryCommand> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ entry }: RecordCompanyDirectoryEntryCommand): Promise<void> {
    // An upsert by id: a redelivered fact writes the same row again.
    await this.db.transaction((m) => m.getRepository(CompanyDirectoryEntry).upsert(entry, ['id']));
  }
}
