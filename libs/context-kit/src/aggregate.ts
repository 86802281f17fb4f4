import { Inject } from '@nestjs/common';
import type { Decider, DomainEvent } from '@cogov/decider';
import { type EventSourcedRepository } from '@cogov/event-sourcing';

/**
 * One aggregate of a context: its stream category and its decider. The kit provides an
 * `EventSourcedRepository` for it under `token`; handlers ask for it with `@InjectRepository`.
 */
export interface AggregateDefinition<
  Command = unknown,
  State = unknown,
  Event extends DomainEvent = DomainEvent,
> {
  /** `residents-committee.order`: streams are `<category>-<id>`. */
  readonly category: string;
  readonly decider: Decider<Command, State, Event>;
  readonly token: symbol;
}

export function aggregate<Command, State, Event extends DomainEvent>(
  category: string,
  decider: Decider<Command, State, Event>,
): AggregateDefinition<Command, State, Event> {
  return { category, decider, token: Symbol(`repository:${category}`) };
}

/** The repository of an aggregate, as handlers and scope resolvers see it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RepositoryOf<A extends AggregateDefinition<any, any, any>> = EventSourcedRepository<
  ReturnType<A['decider']['initialState']>,
  Parameters<A['decider']['evolve']>[1]
>;

/** Injects the repository the kit provides for `definition`. */
export const InjectRepository = (definition: Pick<AggregateDefinition, 'token'>) => Inject(definition.token);

/** Whether a stored event's stream belongs to the aggregate. */
export const inCategory = (definition: { category: string }, streamId: string) =>
  streamId.startsWith(`${definition.category}-`);

/** The aggregate id of one of its streams. */
export const idInStream = (definition: { category: string }, streamId: string) =>
  streamId.slice(definition.category.length + 1);
