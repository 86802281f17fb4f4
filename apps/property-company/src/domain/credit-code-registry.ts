import { type Decider, DomainError, assertNever } from '@cogov/decider';

/**
 * One company per unified social credit code (统一社会信用代码). That is a fact about every
 * company at once, so no company's stream can keep it: each code has a small stream of its own
 * (as ADR 15 keeps one branch per compound), reserved with the revision read before the company
 * is registered. Of two registrations with one code at once only one gets it.
 *
 * A registration refused after reserving gives the code back. A crash between the two leaves the
 * code held by a company that does not exist: once that reservation has lapsed
 * ({@link reservationHasLapsed}), the next registration with the code first abandons the holder's
 * registration on the holder's own stream (which succeeds only while it was never registered,
 * and then forbids registering it forever) and then takes the code over.
 */
export type CreditCodeRegistry = {
  readonly holder: { readonly companyId: string; readonly reservedAt: string } | null;
};

export type ReserveCode = {
  type: 'ReserveCode';
  data: {
    unifiedCreditCode: string;
    companyId: string;
    /** The handler found the holder's registration abandoned on its stream. */
    holderAbandoned: boolean;
    now: string;
  };
};
export type ReleaseCode = {
  type: 'ReleaseCode';
  data: { unifiedCreditCode: string; companyId: string; now: string };
};
export type CreditCodeCommand = ReserveCode | ReleaseCode;

export type CodeReserved = {
  type: 'CodeReserved';
  data: { unifiedCreditCode: string; companyId: string; reservedAt: string };
};
export type CodeReleased = {
  type: 'CodeReleased';
  data: { unifiedCreditCode: string; companyId: string; releasedAt: string };
};
export type CreditCodeEvent = CodeReserved | CodeReleased;

/** Another company is registered (or being registered) with the code. */
export class UnifiedCreditCodeTaken extends DomainError {
  readonly code = 'unified-credit-code-taken';
  constructor(unifiedCreditCode: string, companyId: string) {
    super(`unified social credit code ${unifiedCreditCode} is company ${companyId}'s`, {
      unifiedCreditCode,
      companyId,
    });
  }
}

/** How long a reservation by a company that was never registered holds before another may take it. */
export const RESERVATION_LAPSES_AFTER_MS = 30_000;

export function reservationHasLapsed(holder: { reservedAt: string }, now: string): boolean {
  return Date.parse(now) - Date.parse(holder.reservedAt) >= RESERVATION_LAPSES_AFTER_MS;
}

export const initialState = (): CreditCodeRegistry => ({ holder: null });

export function decide(command: CreditCodeCommand, state: CreditCodeRegistry): CreditCodeEvent[] {
  switch (command.type) {
    case 'ReserveCode': {
      const { unifiedCreditCode, companyId, holderAbandoned, now } = command.data;
      const reserved: CodeReserved = {
        type: 'CodeReserved',
        data: { unifiedCreditCode, companyId, reservedAt: now },
      };
      if (state.holder === null) return [reserved];
      // A retry of the same registration.
      if (state.holder.companyId === companyId) return [];
      if (!holderAbandoned) throw new UnifiedCreditCodeTaken(unifiedCreditCode, state.holder.companyId);
      return [
        {
          type: 'CodeReleased',
          data: { unifiedCreditCode, companyId: state.holder.companyId, releasedAt: now },
        },
        reserved,
      ];
    }
    case 'ReleaseCode': {
      const { unifiedCreditCode, companyId, now } = command.data;
      if (state.holder?.companyId !== companyId) return [];
      return [{ type: 'CodeReleased', data: { unifiedCreditCode, companyId, releasedAt: now } }];
    }
    default:
      return assertNever(command);
  }
}

export function evolve(state: CreditCodeRegistry, event: CreditCodeEvent): CreditCodeRegistry {
  switch (event.type) {
    case 'CodeReserved':
      return { holder: { companyId: event.data.companyId, reservedAt: event.data.reservedAt } };
    case 'CodeReleased':
      return state.holder?.companyId === event.data.companyId ? { holder: null } : state;
    default:
      return assertNever(event);
  }
}

export const creditCodeRegistryDecider: Decider<CreditCodeCommand, CreditCodeRegistry, CreditCodeEvent> = {
  initialState,
  decide,
  evolve,
};
