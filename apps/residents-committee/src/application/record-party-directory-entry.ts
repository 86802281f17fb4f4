import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { PartyDirectoryEntry } from '../infrastructure/directory/party-directory.entity';

/** Keeps what the residents' committee knows of a Party organization or member (its directory). */
export class RecordPartyDirectoryEntryCommand extends Command<void> {
  constructor(
    readonly entry: PartyDirectoryEntry,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordPartyDirectoryEntryCommand)
export class RecordPartyDirectoryEntryHandler implements ICommandHandler<RecordPartyDirectoryEntryCommand> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ entry }: RecordPartyDirectoryEntryCommand): Promise<void> {
    // An upsert by id: a redelivered fact writes the same row again.
    await this.db.transaction((m) => m.getRepository(PartyDirectoryEntry).upsert(entry, ['id']));
  }
}
