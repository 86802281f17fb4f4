import { InjectRepository } from '@cogov/context-kit';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { type Headcount, companyDecider } from '../domain/company';
import { type CompanyRepository, companyAggregate } from '../infrastructure/aggregates';
import { RedPropertyPolicy } from './red-property-policy';

export class RegisterCompanyCommand extends Command<{ id: string }> {
  constructor(
    readonly input: Headcount & { name: string; unifiedCreditCode: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterCompanyCommand)
export class RegisterCompanyHandler implements ICommandHandler<RegisterCompanyCommand> {
  constructor(
    @InjectRepository(companyAggregate) private readonly companies: CompanyRepository,
    private readonly policy: RedPropertyPolicy,
  ) {}

  async execute({ input, context }: RegisterCompanyCommand) {
    const companyId = newId(context, 'company');
    await this.companies.handle(
      companyId,
      (state) =>
        companyDecider.decide(
          {
            type: 'RegisterCompany',
            data: { ...input, companyId, thresholds: this.policy.thresholds, now: context.now.toISOString() },
          },
          state,
        ),
      context,
    );
    return { id: companyId };
  }
}

export class ChangeHeadcountCommand extends Command<{ id: string }> {
  constructor(
    readonly input: Headcount & { companyId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ChangeHeadcountCommand)
export class ChangeHeadcountHandler implements ICommandHandler<ChangeHeadcountCommand> {
  constructor(
    @InjectRepository(companyAggregate) private readonly companies: CompanyRepository,
    private readonly policy: RedPropertyPolicy,
  ) {}

  async execute({ input, context }: ChangeHeadcountCommand) {
    await this.companies.handle(
      input.companyId,
      (state) =>
        companyDecider.decide(
          {
            type: 'ChangeHeadcount',
            data: { ...input, thresholds: this.policy.thresholds, now: context.now.toISOString() },
          },
          state,
        ),
      context,
    );
    return { id: input.companyId };
  }
}
