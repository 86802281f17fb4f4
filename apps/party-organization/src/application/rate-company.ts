import { InjectRepository, directoryOf } from '@cogov/context-kit';
import { Inject, type Provider } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v5 as uuidv5 } from 'uuid';
import { type PeriodKind, parsePeriod, periodKindFrom } from '@cogov/contracts';
import type { CommandContext } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { companyRatingDecider } from '../domain/company-rating';
import { summarize } from '../domain/organization';
import { organizationAggregate, type OrganizationRepository } from '../infrastructure/aggregates';
import {
  companyRatingAggregate,
  type CompanyRatingRepository,
} from '../infrastructure/company-rating-aggregate';
import { CompanyDirectoryEntry } from '../infrastructure/directory/company-directory.entity';
import { ServiceContractEntry } from '../infrastructure/directory/service-contract.entity';

/** The kind of evaluation period in use, as every context reads it (`EVALUATION_PERIOD`, quarter by default). */
export const PARTY_EVALUATION_PERIOD_KIND = 'party-organization:evaluation-period-kind';
export const partyEvaluationPeriodKindProvider: Provider = {
  provide: PARTY_EVALUATION_PERIOD_KIND,
  useFactory: () => periodKindFrom(process.env.EVALUATION_PERIOD),
};

/** Keeps a property service contract the property company published. */
export const { Record: RecordServiceContractCommand, Handler: RecordServiceContractHandler } = directoryOf(
  ServiceContractEntry,
  'contractId',
);

export class RateCompanyCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      organizationId: string;
      companyId: string;
      period: string;
      score: number;
      comment: string | null;
      ratedBy: string;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

const RATING_NAMESPACE = '7d2e4a61-93c5-4b8f-a0d6-2f5c8e1b3a94';

@CommandHandler(RateCompanyCommand)
export class RateCompanyHandler implements ICommandHandler<RateCompanyCommand> {
  constructor(
    @InjectRepository(organizationAggregate) private readonly organizations: OrganizationRepository,
    @InjectRepository(companyRatingAggregate) private readonly ratings: CompanyRatingRepository,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(PARTY_EVALUATION_PERIOD_KIND) private readonly periodKind: PeriodKind,
  ) {}

  async execute({ input, context }: RateCompanyCommand) {
    const { organizationId, companyId } = input;
    const organization = summarize(organizationId, (await this.organizations.load(organizationId)).state);
    const company = await this.db.readSource.getRepository(CompanyDirectoryEntry).findOneBy({ companyId });
    const contracts = organization.exists
      ? await this.db.readSource
          .getRepository(ServiceContractEntry)
          .findBy({ communityId: organization.communityId, companyId })
      : [];
    // Derived from the three, so a second rating of the same meets the first on its stream.
    const ratingId = uuidv5(`${organizationId}|${companyId}|${input.period}`, RATING_NAMESPACE);
    await this.ratings.handle(
      ratingId,
      (state) =>
        companyRatingDecider.decide(
          {
            type: 'RateCompany',
            data: {
              ratingId,
              organization,
              companyId,
              companyKnown: company !== null,
              contracts: contracts.map(({ startsOn, endsOn }) => ({ startsOn, endsOn })),
              period: parsePeriod(input.period, this.periodKind),
              periodText: input.period,
              score: input.score,
              comment: input.comment,
              ratedBy: input.ratedBy,
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    return { id: ratingId };
  }
}
