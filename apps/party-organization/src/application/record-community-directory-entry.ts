import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { CommunityDirectoryEntry } from '../infrastructure/directory/community-directory.entity';

/** Keeps what the Party organization knows of a community, compound or building (its directory). */
export class RecordCommunityDirectoryEntryCommand extends Command<void> {
  constructor(
    readonly entry: CommunityDirectoryEntry,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordCommunityDirectoryEntryCommand)
export class RecordCommunityDirectoryEntryHandler implements ICommandHandler<RecordCommunityDirectoryEntryCommand> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ entry }: RecordCommunityDirectoryEntryCommand): Promise<void> {
    // An upsert by id: a redelivered fact writes the same row again.
    await this.db.transaction((m) => m.getRepository(CommunityDirectoryEntry).upsert(entry, ['id']));
  }
}
