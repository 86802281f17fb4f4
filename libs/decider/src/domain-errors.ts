/**
 * Errors the domain raises. They carry no HTTP knowledge: one exception filter at the edge maps
 * them (NotFound → 404, the rest → 409, InvalidInput → 400; NotYetKnown → 409 with Retry-After).
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command does not fit the aggregate's current stage (e.g. rating an order not completed). */
export class InvalidTransition extends DomainError {
  readonly code = 'invalid-transition';
  constructor(
    readonly stage: string,
    readonly attempted: string,
    reason?: string,
  ) {
    super(reason ?? `cannot ${attempted} when the stage is ${stage}`, { stage, attempted });
  }
}

/** A business rule forbids the command whatever the stage (e.g. a reviewer from another branch). */
export class RuleViolation extends DomainError {
  readonly code = 'rule-violation';
}

/** The command's input is well-formed but makes no sense (e.g. a rejection without a reason). */
export class InvalidInput extends DomainError {
  readonly code = 'invalid-input';
}

/**
 * Nothing of that id exists, or, `within` an aggregate, no part of it has that id (a building a
 * compound does not have: buildings are looked up only through their compound).
 */
export class NotFound extends DomainError {
  readonly code = 'not-found';
  constructor(
    readonly entity: string,
    readonly id: string,
    within?: { entity: string; id: string },
  ) {
    super(
      within ? `${entity} ${id} not found in ${within.entity} ${within.id}` : `${entity} ${id} not found`,
      within ? { entity, id, within } : { entity, id },
    );
  }
}

/**
 * The command names something that exists but lies outside the scope of the aggregate it acts on:
 * a Party member of another community for an order of this one, a compound of another community
 * for this community's resident. Final, unlike `NotYetKnown`; `scope` says where it lies and
 * where it was wanted.
 */
export class OutOfScope extends DomainError {
  readonly code = 'out-of-scope';
  constructor(
    readonly entity: string,
    readonly id: string,
    message: string,
    scope: Record<string, unknown> = {},
  ) {
    super(message, { entity, id, ...scope });
  }
}

/** The command names something that exists but is not the kind it needs (a group where a branch is wanted). */
export class WrongKind extends DomainError {
  readonly code = 'wrong-kind';
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly actualKind: string,
  ) {
    super(`${id} is a ${actualKind}, not a ${entity}`, { entity, id, kind: actualKind });
  }
}

/** Someone else kept changing the aggregate while we retried; the caller may try again. */
export class ConcurrencyConflict extends DomainError {
  readonly code = 'concurrency-conflict';
  constructor(streamId: string, attempts: number) {
    super(`stream ${streamId} changed concurrently ${attempts} times; try again`, { streamId });
  }
}

/**
 * The command names something this context has not heard of yet, though another context may
 * already have it: integration events arrive with a delay, and topics are not ordered with
 * each other. Not the caller's mistake and not final: HTTP answers 409 with `Retry-After`, and
 * a consumer retries (then parks) the fact instead of dead-lettering it.
 */
export class NotYetKnown extends DomainError {
  readonly code = 'not-yet-known';
  constructor(
    readonly entity: string,
    readonly id: string,
    message?: string,
  ) {
    super(message ?? `${entity} ${id} is not known here yet; try again shortly`, { entity, id });
  }
}
