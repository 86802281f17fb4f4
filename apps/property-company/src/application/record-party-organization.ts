import { InjectRepository } from '@cogov/context-kit';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@cogov/event-sourcing';
import { companyDecider } from '../domain/company';
import { type CompanyRepository, companyAggregate } from '../infrastructure/aggregates';
import { RedPropertyPolicy } from './red-property-policy';

/** The Party organization founded the company's own branch: the red-property rules are assessed again. */
export class RecordPartyOrganizationCommand extends Command<void> {
  constructor(
    readonly input: { companyId: string; organizationId: string; foundedAt: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordPartyOrganizationCommand)
export class RecordPartyOrganizationHandler implements ICommandHandler<RecordPartyOrganizationCommand> {
  constructor(
    @InjectRepository(companyAggregate) private readonly companies: CompanyRepository,
    private readonly policy: RedPropertyPolicy,
  ) {}

  async execute({ input, context }: RecordPartyOrganizationCommand): Promise<void> {
    const { companyId, organizationId, foundedAt } = input;
    await this.companies.handle(
      companyId,
      (state) =>
        companyDecider.decide(
          {
            type: 'RecordPartyOrganization',
            // Met since the organization was founded, not since the fact reached us.
            data: { companyId, organizationId, thresholds: this.policy.thresholds, now: foundedAt },
          },
          state,
        ),
      context,
    );
  }
}
