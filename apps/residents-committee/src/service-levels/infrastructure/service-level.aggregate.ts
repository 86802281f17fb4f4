import { aggregate, type RepositoryOf } from '@cogov/context-kit';
import { serviceLevelDecider } from '../domain/service-level';

/** One stream per order: `residents-committee.service-level-<orderId>`, the process's inbox and outbox. */
export const serviceLevelAggregate = aggregate('residents-committee.service-level', serviceLevelDecider);
export type ServiceLevelRepository = RepositoryOf<typeof serviceLevelAggregate>;
