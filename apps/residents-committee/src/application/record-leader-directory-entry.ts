import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { LeaderDirectoryEntry } from '../infrastructure/directory/leader-directory.entity';

/** Keeps that a building leader was vetted and approved, and where (the leader directory). */
export class RecordLeaderDirectoryEntryCommand extends Command<void> {
  constructor(
    readonly entry: LeaderDirectoryEntry,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordLeaderDirectoryEntryCommand)
export class RecordLeaderDirectoryEntryHandler implements ICommandHandler<RecordLeaderDirectoryEntryCommand> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ entry }: RecordLeaderDirectoryEntryCommand): Promise<void> {
    // An upsert by id: a redelivered fact writes the same row again.
    await this.db.transaction((m) => m.getRepository(LeaderDirectoryEntry).upsert(entry, ['id']));
  }
}
