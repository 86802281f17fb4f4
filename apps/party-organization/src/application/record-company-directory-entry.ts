import { directoryOf } from '@cogov/context-kit';
import { CompanyDirectoryEntry } from '../infrastructure/directory/company-directory.entity';

/** Keeps what the Party organization knows of a property company (its company directory). */
export const { Record: RecordCompanyDirectoryEntryCommand, Handler: RecordCompanyDirectoryEntryHandler } =
  directoryOf(CompanyDirectoryEntry, 'companyId');
