import { InjectRepository } from '@cogov/context-kit';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFound } from '@cogov/decider';
import { type CommandContext, newId, withoutIdempotencyKey } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { companyDecider } from '../domain/company';
import { compoundServiceDecider, overlaps, reservationHasLapsed } from '../domain/compound-service';
import {
  type CompanyRepository,
  type CompoundServiceRepository,
  companyAggregate,
  compoundServiceAggregate,
} from '../infrastructure/aggregates';
import { CompoundDirectoryEntry } from '../infrastructure/directory/compound-directory.entity';

export class SignContractCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { companyId: string; compoundId: string; startsOn: string; endsOn: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * A contract reserves its term on the compound's stream first (one company at a time, see
 * domain/compound-service.ts), then is recorded on the company's; if that fails, the term is
 * given back, and if the signing dies in between, the reservation lapses after 30 s.
 */
@CommandHandler(SignContractCommand)
export class SignContractHandler implements ICommandHandler<SignContractCommand> {
  constructor(
    @InjectRepository(companyAggregate) private readonly companies: CompanyRepository,
    @InjectRepository(compoundServiceAggregate) private readonly compounds: CompoundServiceRepository,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  async execute({ input, context }: SignContractCommand) {
    const contractId = newId(context, 'contract');
    const { companyId, compoundId, startsOn, endsOn } = input;
    const now = context.now.toISOString();
    if ((await this.companies.load(companyId)).state.status === 'absent') {
      throw new NotFound('property company', companyId);
    }
    const entry = await this.db.readSource.getRepository(CompoundDirectoryEntry).findOneBy({ compoundId });
    const communityId = entry?.communityId ?? null;
    // The reservation is idempotent by its contract id (derived from the request's key).
    const reservationContext = withoutIdempotencyKey(context);
    const abandoned = await this.abandonLapsedHolders(
      { compoundId, contractId, startsOn, endsOn },
      now,
      reservationContext,
    );
    await this.compounds.handle(
      compoundId,
      (state) =>
        compoundServiceDecider.decide(
          {
            type: 'ReserveTerm',
            data: { compoundId, communityId, contractId, companyId, startsOn, endsOn, abandoned, now },
          },
          state,
        ),
      reservationContext,
    );
    try {
      await this.companies.handle(
        companyId,
        (state) =>
          companyDecider.decide(
            {
              type: 'RecordContract',
              data: { contractId, companyId, compoundId, communityId: communityId!, startsOn, endsOn, now },
            },
            state,
          ),
        context,
      );
    } catch (error) {
      await this.compounds.handle(
        compoundId,
        (state) =>
          compoundServiceDecider.decide(
            { type: 'ReleaseTerm', data: { compoundId, contractId, now } },
            state,
          ),
        reservationContext,
      );
      throw error;
    }
    return { id: contractId };
  }

  /**
   * Calls off the contracts holding overlapping terms whose reservation has lapsed, unless they
   * were recorded meanwhile; returns those now abandoned (as the owners' committee's terms).
   */
  private async abandonLapsedHolders(
    term: { compoundId: string; contractId: string; startsOn: string; endsOn: string },
    now: string,
    context: CommandContext,
  ): Promise<string[]> {
    const { state } = await this.compounds.load(term.compoundId);
    const abandoned: string[] = [];
    for (const holder of state.terms) {
      if (holder.contractId === term.contractId || !overlaps(holder, term)) continue;
      if (!reservationHasLapsed(holder, now)) continue;
      await this.companies.handle(
        holder.companyId,
        (company) =>
          companyDecider.decide(
            {
              type: 'AbandonContract',
              data: { companyId: holder.companyId, contractId: holder.contractId, now },
            },
            company,
          ),
        context,
      );
      const { state: company } = await this.companies.load(holder.companyId);
      if (company.status === 'registered' && company.abandonedContracts.includes(holder.contractId)) {
        abandoned.push(holder.contractId);
      }
    }
    return abandoned;
  }
}
