import { InjectRepository, directoryOf } from '@cogov/context-kit';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v5 as uuidv5 } from 'uuid';
import { type PeriodKind, parsePeriod } from '@cogov/contracts';
import { NotFound } from '@cogov/decider';
import type { CommandContext } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { type ItemScores, propertyEvaluationDecider } from '../domain/property-evaluation';
import {
  committeeAggregate,
  type CommitteeRepository,
  propertyEvaluationAggregate,
  type PropertyEvaluationRepository,
} from '../infrastructure/aggregates';
import { ServiceContractEntry } from '../infrastructure/contracts/service-contract.entity';
import { EVALUATION_PERIOD_KIND } from './evaluation-period';

/** Keeps a property service contract the property company published. */
export const { Record: RecordServiceContractCommand, Handler: RecordServiceContractHandler } = directoryOf(
  ServiceContractEntry,
  'contractId',
);

export class RecordPropertyEvaluationCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      committeeId: string;
      companyId: string;
      period: string;
      scores: ItemScores;
      comment: string | null;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

const EVALUATION_NAMESPACE = '0f6b3c39-4d7e-4f0c-9a3e-6c1d2b8e5a71';

/**
 * The evaluation's id is derived from the committee, company and period, so the one stream of
 * that evaluation is where a second one meets the first (and is refused), however concurrent.
 */
export function propertyEvaluationId(committeeId: string, companyId: string, period: string): string {
  return uuidv5(`${committeeId}|${companyId}|${period}`, EVALUATION_NAMESPACE);
}

@CommandHandler(RecordPropertyEvaluationCommand)
export class RecordPropertyEvaluationHandler implements ICommandHandler<RecordPropertyEvaluationCommand> {
  constructor(
    @InjectRepository(committeeAggregate) private readonly committees: CommitteeRepository,
    @InjectRepository(propertyEvaluationAggregate) private readonly evaluations: PropertyEvaluationRepository,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(EVALUATION_PERIOD_KIND) private readonly periodKind: PeriodKind,
  ) {}

  async execute({ input, context }: RecordPropertyEvaluationCommand) {
    const { committeeId, companyId } = input;
    const { state: committee } = await this.committees.load(committeeId);
    if (committee.status !== 'formed') throw new NotFound('owners committee', committeeId);
    const contracts = await this.db.readSource
      .getRepository(ServiceContractEntry)
      .findBy({ compoundId: committee.compoundId, companyId });
    const evaluationId = propertyEvaluationId(committeeId, companyId, input.period);
    await this.evaluations.handle(
      evaluationId,
      (state) =>
        propertyEvaluationDecider.decide(
          {
            type: 'RecordPropertyEvaluation',
            data: {
              evaluationId,
              committee: {
                committeeId,
                compoundId: committee.compoundId,
                communityId: committee.communityId,
              },
              companyId,
              period: parsePeriod(input.period, this.periodKind),
              periodText: input.period,
              scores: input.scores,
              comment: input.comment,
              contracts: contracts.map(({ contractId, startsOn, endsOn }) => ({
                contractId,
                startsOn,
                endsOn,
              })),
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    return { id: evaluationId };
  }
}
