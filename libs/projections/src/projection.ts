import type { EntityManager, EntitySchema } from 'typeorm';
import type { RecordedEvent } from '@cogov/event-store';

/**
 * A read model as a function of the event history. `apply` gets the events of one batch that the
 * projection `handles`, in global order, inside the runner's transaction together with the
 * checkpoint, so each event is applied exactly once to the stored rows. Bump `version` when the
 * rows' shape or meaning changes: the runner then rebuilds from zero.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  /** TypeORM entities this projection owns; their tables are emptied on a rebuild. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: ReadonlyArray<Function | EntitySchema>;
  /** A cheap filter (usually on the stream category and event type). */
  handles(event: RecordedEvent): boolean;
  apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<void>;
}

export const PROJECTIONS = Symbol('Projections');
