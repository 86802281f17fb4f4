import {
  type Decider,
  DomainError,
  InvalidInput,
  NotYetKnown,
  RuleViolation,
  WrongKind,
  assertNever,
} from '@cogov/decider';
import type { EvaluationPeriod } from '@cogov/contracts';
import type { OrganizationSummary } from './organization';

/**
 * The community Party organization's rating (社区党组织评价) of a property company for a period:
 * the Party's part of the company's evaluation. Given by the community's Party committee (the
 * 大党委 that leads the community, not a branch), once per company and period: one stream per
 * organization, company and period, its id derived from the three.
 */
export interface CommunityContract {
  readonly startsOn: string;
  readonly endsOn: string;
}

export type RateCompany = {
  type: 'RateCompany';
  data: {
    ratingId: string;
    organization: OrganizationSummary;
    companyId: string;
    /** Whether the property company's `company-registered` reached us. */
    companyKnown: boolean;
    /** The company's contracts for compounds of the organization's community. */
    contracts: readonly CommunityContract[];
    period: EvaluationPeriod | null;
    periodText: string;
    score: number;
    comment: string | null;
    ratedBy: string;
    now: string;
  };
};
export type CompanyRatingCommand = RateCompany;

export type CompanyRated = {
  type: 'CompanyRated';
  data: {
    ratingId: string;
    organizationId: string;
    communityId: string;
    companyId: string;
    period: string;
    score: number;
    comment: string | null;
    ratedBy: string;
    ratedAt: string;
  };
};
export type CompanyRatingEvent = CompanyRated;

export type CompanyRating = { status: 'absent' } | (CompanyRated['data'] & { status: 'rated' });

export class CompanyRatingExists extends DomainError {
  readonly code = 'company-rating-exists';
  constructor(rating: CompanyRated['data']) {
    super(
      `organization ${rating.organizationId} already rated company ${rating.companyId} for ${rating.period}`,
      { ratingId: rating.ratingId, companyId: rating.companyId, period: rating.period },
    );
  }
}

export const initialState = (): CompanyRating => ({ status: 'absent' });

export function decide(command: CompanyRatingCommand, state: CompanyRating): CompanyRatingEvent[] {
  switch (command.type) {
    case 'RateCompany': {
      const d = command.data;
      if (state.status === 'rated') throw new CompanyRatingExists(state);
      const org = d.organization;
      if (!org.exists) throw new NotYetKnown('organization', org.organizationId);
      if (org.kind !== 'community-committee') {
        throw new WrongKind('community-committee', org.organizationId, org.kind);
      }
      if (d.period === null) {
        throw new InvalidInput(`${d.periodText} is not an evaluation period of the configured kind`, {
          period: d.periodText,
        });
      }
      if (!Number.isInteger(d.score) || d.score < 0 || d.score > 100) {
        throw new InvalidInput('score must be a whole number from 0 to 100', { score: d.score });
      }
      if (!d.companyKnown) throw new NotYetKnown('property company', d.companyId);
      const period = d.period;
      // The community rates the companies that serve it, in the period rated.
      if (!d.contracts.some((c) => c.startsOn <= period.endsOn && period.startsOn <= c.endsOn)) {
        throw new RuleViolation(
          `property company ${d.companyId} serves no compound of community ${org.communityId} in ${period.period}`,
          { companyId: d.companyId, communityId: org.communityId, period: period.period },
        );
      }
      return [
        {
          type: 'CompanyRated',
          data: {
            ratingId: d.ratingId,
            organizationId: org.organizationId,
            communityId: org.communityId,
            companyId: d.companyId,
            period: period.period,
            score: d.score,
            comment: d.comment,
            ratedBy: d.ratedBy,
            ratedAt: d.now,
          },
        },
      ];
    }
    default:
      return assertNever(command.type);
  }
}

export function evolve(_state: CompanyRating, event: CompanyRatingEvent): CompanyRating {
  switch (event.type) {
    case 'CompanyRated':
      return { status: 'rated', ...event.data };
    default:
      return assertNever(event.type);
  }
}

export const companyRatingDecider: Decider<CompanyRatingCommand, CompanyRating, CompanyRatingEvent> = {
  initialState,
  decide,
  evolve,
};
