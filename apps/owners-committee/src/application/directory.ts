import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import type { DirectoryKind, DirectoryLookup, Tenure } from '../domain/directory';
import { DirectoryEntry } from '../infrastructure/directory/directory-entry.entity';

/** Keeps what the owners' committee has heard of a compound, resident or Party member. */
export class RecordDirectoryEntryCommand extends Command<void> {
  constructor(
    readonly entry: {
      id: string;
      kind: DirectoryKind;
      communityId: string;
      compoundId: string | null;
      tenure: Tenure | null;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordDirectoryEntryCommand)
export class RecordDirectoryEntryHandler implements ICommandHandler<RecordDirectoryEntryCommand> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ entry }: RecordDirectoryEntryCommand): Promise<void> {
    // An upsert by id: a redelivered fact writes the same row again.
    await this.db.transaction((m) => m.getRepository(DirectoryEntry).upsert(entry, ['id']));
  }
}

/** Looks ids up in the directory, for the handlers to pass to the decider. */
@Injectable()
export class Directory {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async lookUp(id: string): Promise<DirectoryLookup> {
    const entry = await this.db.readSource.getRepository(DirectoryEntry).findOneBy({ id });
    if (!entry) return { id, kind: 'absent' };
    return {
      id,
      kind: entry.kind as DirectoryKind,
      communityId: entry.communityId,
      compoundId: entry.compoundId,
      tenure: (entry.tenure as Tenure | null) ?? null,
    };
  }
}
