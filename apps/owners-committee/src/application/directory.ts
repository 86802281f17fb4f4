import { directoryOf } from '@cogov/context-kit';
import { Inject, Injectable } from '@nestjs/common';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import type { DirectoryKind, DirectoryLookup, Tenure } from '../domain/directory';
import { DirectoryEntry } from '../infrastructure/directory/directory-entry.entity';

/** Keeps what the owners' committee has heard of a compound, resident or Party member. */
export const { Record: RecordDirectoryEntryCommand, Handler: RecordDirectoryEntryHandler } = directoryOf(
  DirectoryEntry,
  'id',
);

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
