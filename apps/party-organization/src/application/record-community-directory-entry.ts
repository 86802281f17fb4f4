import { directoryOf } from '@cogov/context-kit';
import { CommunityDirectoryEntry } from '../infrastructure/directory/community-directory.entity';

/** Keeps what the Party organization knows of a community (its community directory). */
export const { Record: RecordCommunityDirectoryEntryCommand, Handler: RecordCommunityDirectoryEntryHandler } =
  directoryOf(CommunityDirectoryEntry, 'id');
