import { InvalidInput, NotFound, RuleViolation, type Decider } from '@cogov/decider';
import { sameStandard, type StandardRef } from './standards';

/** What an earning is for: a closed order (its executor) or a confirmed volunteer activity. */
export interface EarningCause {
  readonly kind: 'order' | 'activity';
  readonly id: string;
}

export interface Debit {
  readonly streetId: string;
  readonly points: number;
}

export type AccountEvent =
  | {
      type: 'PointsEarned';
      data: {
        personId: string;
        entryId: string;
        cause: EarningCause;
        communityId: string;
        streetId: string;
        points: number;
        standard: StandardRef;
        /** The day (China's calendar) the work was done: an order's completion, an activity's date. */
        earnedOn: string;
        earnedAt: string;
      };
    }
  | {
      type: 'PointsRedeemed';
      data: {
        personId: string;
        redemptionId: string;
        /** The service station's community, and its street. */
        communityId: string;
        streetId: string;
        itemId: string;
        itemName: string;
        points: number;
        /** Which deposits paid: the station's street first. */
        debits: Debit[];
        redeemedBy: string;
        redeemedAt: string;
      };
    }
  | {
      type: 'PointsCorrected';
      data: {
        personId: string;
        correctionId: string;
        streetId: string;
        communityId: string | null;
        points: number;
        reason: string;
        correctedBy: string;
        correctedAt: string;
      };
    };

export type AccountCommand =
  | {
      type: 'EarnPoints';
      data: {
        personId: string;
        cause: EarningCause;
        communityId: string;
        streetId: string;
        points: number;
        standard: StandardRef;
        earnedOn: string;
        now: string;
      };
    }
  | {
      type: 'RedeemPoints';
      data: {
        personId: string;
        redemptionId: string;
        communityId: string;
        streetId: string;
        item: { itemId: string; name: string; points: number };
        /** The standard in force today in each street the account holds deposits in (null: none). */
        standardsToday: Readonly<Record<string, StandardRef | null>>;
        redeemedBy: string;
        now: string;
      };
    }
  | {
      type: 'CorrectPoints';
      data: {
        personId: string;
        correctionId: string;
        streetId: string;
        communityId: string | null;
        points: number;
        reason: string;
        correctedBy: string;
        now: string;
      };
    };

/** One line of the ledger, as the account keeps it. */
export type LedgerEntry =
  | {
      kind: 'order' | 'activity';
      entryId: string;
      causeId: string;
      streetId: string;
      communityId: string;
      points: number;
      standard: StandardRef;
      on: string;
      at: string;
    }
  | {
      kind: 'redemption';
      entryId: string;
      streetId: string;
      communityId: string;
      points: number;
      itemId: string;
      itemName: string;
      debits: Debit[];
      at: string;
    }
  | {
      kind: 'correction';
      entryId: string;
      streetId: string;
      communityId: string | null;
      points: number;
      reason: string;
      correctedBy: string;
      at: string;
    };

export type Account =
  | { status: 'absent' }
  | {
      status: 'open';
      personId: string;
      /** The balance of each street's deposit (the street where the points were earned). */
      deposits: Readonly<Record<string, number>>;
      /** Where its entries were earned or redeemed: the communities whose staff see it. */
      communities: readonly string[];
      streets: readonly string[];
      /** `order:<id>`, `activity:<id>`: what has earned already. */
      causes: readonly string[];
      entries: readonly LedgerEntry[];
    };

const causeKey = (cause: EarningCause) => `${cause.kind}:${cause.id}`;

/** The reason a redemption beyond the street is refused: the seeds' aim, not yet the rule. */
export const ACROSS_STREETS_REFUSAL = '通存通兑 beyond the street is the seeds’ aim, not yet the rule';

function redeem(command: Extract<AccountCommand, { type: 'RedeemPoints' }>, state: Account): AccountEvent[] {
  const d = command.data;
  if (state.status === 'absent') throw new NotFound('points account', d.personId);
  const price = d.item.points;
  const here = d.standardsToday[d.streetId] ?? null;
  const deposits = Object.entries(state.deposits).filter(([, points]) => points > 0);
  const own = state.deposits[d.streetId] ?? 0;
  const alike = deposits
    .filter(([street]) => street !== d.streetId && sameStandard(here, d.standardsToday[street] ?? null))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const redeemable = own + alike.reduce((sum, [, points]) => sum + points, 0);
  if (redeemable < price) {
    const elsewhere = deposits.filter(
      ([street]) => street !== d.streetId && !alike.some(([a]) => a === street),
    );
    const total = redeemable + elsewhere.reduce((sum, [, points]) => sum + points, 0);
    if (total >= price && elsewhere.length > 0) {
      const [other] = elsewhere[0]!;
      throw new RuleViolation(
        `the deposit of street ${other} cannot be redeemed in street ${d.streetId}: their standards in force ` +
          `today differ; ${ACROSS_STREETS_REFUSAL}`,
        { reason: 'standards-differ', streetIds: [d.streetId, other], redeemable, price },
      );
    }
    throw new RuleViolation(
      `${d.personId} has ${redeemable} points redeemable in street ${d.streetId}; ${d.item.name} costs ${price}`,
      { reason: 'insufficient-points', redeemable, price },
    );
  }
  const debits: Debit[] = [];
  let due = price;
  for (const [streetId, points] of [[d.streetId, own] as const, ...alike]) {
    if (due === 0) break;
    const taken = Math.min(points, due);
    if (taken > 0) debits.push({ streetId, points: taken });
    due -= taken;
  }
  return [
    {
      type: 'PointsRedeemed',
      data: {
        personId: d.personId,
        redemptionId: d.redemptionId,
        communityId: d.communityId,
        streetId: d.streetId,
        itemId: d.item.itemId,
        itemName: d.item.name,
        points: price,
        debits,
        redeemedBy: d.redeemedBy,
        redeemedAt: d.now,
      },
    },
  ];
}

function decide(command: AccountCommand, state: Account): AccountEvent[] {
  switch (command.type) {
    case 'EarnPoints': {
      const d = command.data;
      if (!Number.isInteger(d.points) || d.points < 0) {
        throw new InvalidInput('earned points are whole numbers ≥ 0', { field: 'points' });
      }
      if (d.points === 0) return [];
      if (state.status === 'open' && state.causes.includes(causeKey(d.cause))) return [];
      return [
        {
          type: 'PointsEarned',
          data: {
            personId: d.personId,
            entryId: causeKey(d.cause),
            cause: { kind: d.cause.kind, id: d.cause.id },
            communityId: d.communityId,
            streetId: d.streetId,
            points: d.points,
            standard: { standardId: d.standard.standardId, version: d.standard.version },
            earnedOn: d.earnedOn,
            earnedAt: d.now,
          },
        },
      ];
    }
    case 'RedeemPoints': {
      if (!Number.isInteger(command.data.item.points) || command.data.item.points <= 0) {
        throw new InvalidInput('an item costs a whole number of points > 0', { field: 'itemId' });
      }
      return redeem(command, state);
    }
    case 'CorrectPoints': {
      const d = command.data;
      if (!Number.isInteger(d.points) || d.points === 0) {
        throw new InvalidInput('a correction is a whole number of points other than 0', { field: 'points' });
      }
      if (!d.reason.trim()) throw new InvalidInput('a correction needs its reason', { field: 'reason' });
      if (d.correctedBy === d.personId) {
        throw new RuleViolation('nobody corrects their own points account', {
          reason: 'own-account',
          personId: d.personId,
        });
      }
      const balance = state.status === 'open' ? (state.deposits[d.streetId] ?? 0) : 0;
      if (balance + d.points < 0) {
        throw new RuleViolation(
          `street ${d.streetId}'s deposit of ${d.personId} is ${balance}: a correction of ${d.points} would take it below zero`,
          { reason: 'below-zero', balance, points: d.points },
        );
      }
      return [
        {
          type: 'PointsCorrected',
          data: {
            personId: d.personId,
            correctionId: d.correctionId,
            streetId: d.streetId,
            communityId: d.communityId,
            points: d.points,
            reason: d.reason.trim(),
            correctedBy: d.correctedBy,
            correctedAt: d.now,
          },
        },
      ];
    }
  }
}

const opened = (state: Account, personId: string) =>
  state.status === 'open'
    ? state
    : {
        status: 'open' as const,
        personId,
        deposits: {},
        communities: [],
        streets: [],
        causes: [],
        entries: [],
      };

const adding = (list: readonly string[], value: string | null) =>
  value === null || list.includes(value) ? list : [...list, value];

function evolve(state: Account, event: AccountEvent): Account {
  const account = opened(state, event.data.personId);
  const deposits = { ...account.deposits };
  switch (event.type) {
    case 'PointsEarned': {
      const e = event.data;
      deposits[e.streetId] = (deposits[e.streetId] ?? 0) + e.points;
      return {
        ...account,
        deposits,
        communities: adding(account.communities, e.communityId),
        streets: adding(account.streets, e.streetId),
        causes: [...account.causes, causeKey(e.cause)],
        entries: [
          ...account.entries,
          {
            kind: e.cause.kind,
            entryId: e.entryId,
            causeId: e.cause.id,
            streetId: e.streetId,
            communityId: e.communityId,
            points: e.points,
            standard: e.standard,
            on: e.earnedOn,
            at: e.earnedAt,
          },
        ],
      };
    }
    case 'PointsRedeemed': {
      const e = event.data;
      for (const debit of e.debits) deposits[debit.streetId] = (deposits[debit.streetId] ?? 0) - debit.points;
      return {
        ...account,
        deposits,
        communities: adding(account.communities, e.communityId),
        streets: adding(account.streets, e.streetId),
        entries: [
          ...account.entries,
          {
            kind: 'redemption',
            entryId: e.redemptionId,
            streetId: e.streetId,
            communityId: e.communityId,
            points: -e.points,
            itemId: e.itemId,
            itemName: e.itemName,
            debits: e.debits,
            at: e.redeemedAt,
          },
        ],
      };
    }
    case 'PointsCorrected': {
      const e = event.data;
      deposits[e.streetId] = (deposits[e.streetId] ?? 0) + e.points;
      return {
        ...account,
        deposits,
        communities: adding(account.communities, e.communityId),
        streets: adding(account.streets, e.streetId),
        entries: [
          ...account.entries,
          {
            kind: 'correction',
            entryId: e.correctionId,
            streetId: e.streetId,
            communityId: e.communityId,
            points: e.points,
            reason: e.reason,
            correctedBy: e.correctedBy,
            at: e.correctedAt,
          },
        ],
      };
    }
  }
}

/**
 * A person's points account (爱心币 in the 涧贤银行): opened on the first earning or correction,
 * its balance kept per street (the street's deposit), never below zero.
 */
export const accountDecider: Decider<AccountCommand, Account, AccountEvent> = {
  initialState: () => ({ status: 'absent' }),
  decide,
  evolve,
};

/** The account's total over every street's deposit. */
export const totalOf = (account: Account): number =>
  account.status === 'open' ? Object.values(account.deposits).reduce((a, b) => a + b, 0) : 0;
