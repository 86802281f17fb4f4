import { directoryOf } from '@cogov/context-kit';
import { CompoundDirectoryEntry } from '../infrastructure/directory/compound-directory.entity';

/** Keeps what the property company has heard of a compound. */
export const { Record: RecordCompoundCommand, Handler: RecordCompoundHandler } = directoryOf(
  CompoundDirectoryEntry,
  'compoundId',
);
