import type { Decider, DomainEvent } from '../decider';

/**
 * Given/when/then for deciders (after Emmett's DeciderSpecification):
 *
 *   given([orderPlaced()]).when(approve()).then([orderApproved()])
 *   given([orderPlaced()]).when(rate()).thenThrows(InvalidTransition, /not completed/)
 */
export function deciderSpecification<Command, State, Event extends DomainEvent>(
  decider: Decider<Command, State, Event>,
) {
  return (givenEvents: readonly Event[]) => ({
    when: (command: Command) => {
      const run = () => decider.decide(command, givenEvents.reduce(decider.evolve, decider.initialState()));
      return {
        then: (expected: readonly Event[]) => expect(run()).toEqual(expected),
        thenMatches: (expected: ReadonlyArray<{ type: Event['type']; data?: Record<string, unknown> }>) =>
          expect(run()).toMatchObject(expected),
        thenNothingHappens: () => expect(run()).toEqual([]),
        thenThrows: (
          errorType: abstract new (...args: never[]) => Error,
          message?: RegExp,
          details?: Record<string, unknown>,
        ) => {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(errorType);
          if (message) expect((thrown as Error).message).toMatch(message);
          if (details) expect((thrown as { details?: unknown }).details).toEqual(details);
        },
      };
    },
  });
}
