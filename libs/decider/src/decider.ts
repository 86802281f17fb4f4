/** A domain event as the domain sees it: a past-tense type and plain JSON data. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * An aggregate as pure functions (Emmett's decider): `decide` turns a command and the current
 * state into new events, or throws a DomainError; `evolve` folds one event into the state.
 * Neither does I/O: whatever a decision needs is loaded first and passed in the command.
 */
export interface Decider<Command, State, Event extends DomainEvent> {
  readonly initialState: () => State;
  readonly decide: (command: Command, state: State) => Event[];
  readonly evolve: (state: State, event: Event) => State;
}

export function fold<State, Event>(
  evolve: (state: State, event: Event) => State,
  initial: State,
  events: readonly Event[],
): State {
  return events.reduce(evolve, initial);
}

/** Makes a forgotten case of a discriminated union a compile error. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
