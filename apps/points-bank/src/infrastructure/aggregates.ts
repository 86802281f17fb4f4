import { aggregate, type RepositoryOf } from '@cogov/context-kit';
import { accountDecider } from '../domain/account';
import { catalogueDecider } from '../domain/catalogue';
import { streetStandardsDecider } from '../domain/standards';

/** One stream per person: their points account, its deposits per street and every entry. */
export const accountAggregate = aggregate('points-bank.account', accountDecider);
export type AccountRepository = RepositoryOf<typeof accountAggregate>;

/** One stream per street: the versions of its points standards. */
export const streetStandardsAggregate = aggregate('points-bank.street-standards', streetStandardsDecider);
export type StreetStandardsRepository = RepositoryOf<typeof streetStandardsAggregate>;

/** One stream per community: its service station's catalogue. */
export const catalogueAggregate = aggregate('points-bank.catalogue', catalogueDecider);
export type CatalogueRepository = RepositoryOf<typeof catalogueAggregate>;
