import { InjectRepository } from '@cogov/context-kit';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, newId, withoutIdempotencyKey } from '@cogov/event-sourcing';
import { type Company, type Headcount, companyDecider } from '../domain/company';
import { creditCodeRegistryDecider, reservationHasLapsed } from '../domain/credit-code-registry';
import {
  type CompanyRepository,
  type CreditCodeRepository,
  companyAggregate,
  creditCodeAggregate,
} from '../infrastructure/aggregates';
import { RedPropertyPolicy } from './red-property-policy';

export class RegisterCompanyCommand extends Command<{ id: string }> {
  constructor(
    readonly input: Headcount & { name: string; unifiedCreditCode: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * The unified credit code is reserved on its own stream first (one company per code, see
 * domain/credit-code-registry.ts); a refused registration reserves nothing, and one that fails
 * after reserving gives it back.
 */
@CommandHandler(RegisterCompanyCommand)
export class RegisterCompanyHandler implements ICommandHandler<RegisterCompanyCommand> {
  constructor(
    @InjectRepository(companyAggregate) private readonly companies: CompanyRepository,
    @InjectRepository(creditCodeAggregate) private readonly codes: CreditCodeRepository,
    private readonly policy: RedPropertyPolicy,
  ) {}

  async execute({ input, context }: RegisterCompanyCommand) {
    const companyId = newId(context, 'company');
    const now = context.now.toISOString();
    const code = input.unifiedCreditCode;
    const registering = (state: Company) =>
      companyDecider.decide(
        {
          type: 'RegisterCompany',
          data: { ...input, companyId, thresholds: this.policy.thresholds, now },
        },
        state,
      );
    const { state } = await this.companies.load(companyId);
    // A retry of a registration that went through.
    if (state.status === 'registered') return { id: companyId };
    registering(state);
    const reservationContext = withoutIdempotencyKey(context);
    const holderAbandoned = await this.abandonLapsedHolder(code, companyId, now, reservationContext);
    const reserved = await this.codes.handle(
      code,
      (registry) =>
        creditCodeRegistryDecider.decide(
          { type: 'ReserveCode', data: { unifiedCreditCode: code, companyId, holderAbandoned, now } },
          registry,
        ),
      reservationContext,
    );
    try {
      await this.companies.handle(companyId, registering, context);
    } catch (error) {
      if (reserved.events.length > 0) {
        await this.codes.handle(
          code,
          (registry) =>
            creditCodeRegistryDecider.decide(
              { type: 'ReleaseCode', data: { unifiedCreditCode: code, companyId, now } },
              registry,
            ),
          reservationContext,
        );
      }
      throw error;
    }
    return { id: companyId };
  }

  /**
   * Calls off the registration of another company holding the code whose reservation has lapsed,
   * unless it was registered meanwhile; whether that registration is now abandoned.
   */
  private async abandonLapsedHolder(
    code: string,
    companyId: string,
    now: string,
    context: CommandContext,
  ): Promise<boolean> {
    const { holder } = (await this.codes.load(code)).state;
    if (!holder || holder.companyId === companyId || !reservationHasLapsed(holder, now)) return false;
    await this.companies.handle(
      holder.companyId,
      (company) =>
        companyDecider.decide(
          { type: 'AbandonRegistration', data: { companyId: holder.companyId, now } },
          company,
        ),
      context,
    );
    const after = (await this.companies.load(holder.companyId)).state;
    return after.status === 'absent' && after.abandoned === true;
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
