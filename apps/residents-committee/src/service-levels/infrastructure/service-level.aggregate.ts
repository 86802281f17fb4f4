import { aggregate, type RepositoryOf } from '@cogov/context-kit';
import { serviceLevelDecider } from '../domain/service-level';
import { supervisionDecider } from '../domain/supervision-item';

/** One stream per order: `residents-committee.service-level-<orderId>`, the process's inbox and outbox. */
export const serviceLevelAggregate = aggregate('residents-committee.service-level', serviceLevelDecider);
export type ServiceLevelRepository = RepositoryOf<typeof serviceLevelAggregate>;

/** 督办: one stream per supervision item, `residents-committee.supervision-item-<itemId>`. */
export const supervisionItemAggregate = aggregate('residents-committee.supervision-item', supervisionDecider);
export type SupervisionItemRepository = RepositoryOf<typeof supervisionItemAggregate>;
