import { InjectRepository } from '@cogov/context-kit';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { periodOf } from '@cogov/contracts';
import type { CommandContext } from '@cogov/event-sourcing';
import { companyEvaluationDecider } from '../domain/company-evaluation';
import { ratedCompany } from '../domain/company-order';
import {
  type CompanyEvaluationRepository,
  type CompanyOrderRepository,
  companyEvaluationAggregate,
  companyOrderAggregate,
} from '../infrastructure/aggregates';
import { EvaluationPolicyConfig } from './evaluation-policy';

/** The owners' committee evaluated the company for a period (its items' mean). */
export class RecordCommitteeEvaluationCommand extends Command<void> {
  constructor(
    readonly input: {
      companyId: string;
      period: string;
      evaluationId: string;
      committeeId: string;
      meanScore: number;
      recordedAt: string;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordCommitteeEvaluationCommand)
export class RecordCommitteeEvaluationHandler implements ICommandHandler<RecordCommitteeEvaluationCommand> {
  constructor(
    @InjectRepository(companyEvaluationAggregate) private readonly evaluations: CompanyEvaluationRepository,
    private readonly config: EvaluationPolicyConfig,
  ) {}

  async execute({ input, context }: RecordCommitteeEvaluationCommand): Promise<void> {
    await this.evaluations.handle(
      input.companyId,
      (state) =>
        companyEvaluationDecider.decide(
          {
            type: 'RecordCommitteeEvaluation',
            data: { ...input, policy: this.config.policy, now: context.now.toISOString() },
          },
          state,
        ),
      context,
    );
  }
}

/** The community Party organization rated the company for a period. */
export class RecordPartyRatingCommand extends Command<void> {
  constructor(
    readonly input: {
      companyId: string;
      period: string;
      ratingId: string;
      organizationId: string;
      score: number;
      ratedAt: string;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordPartyRatingCommand)
export class RecordPartyRatingHandler implements ICommandHandler<RecordPartyRatingCommand> {
  constructor(
    @InjectRepository(companyEvaluationAggregate) private readonly evaluations: CompanyEvaluationRepository,
    private readonly config: EvaluationPolicyConfig,
  ) {}

  async execute({ input, context }: RecordPartyRatingCommand): Promise<void> {
    await this.evaluations.handle(
      input.companyId,
      (state) =>
        companyEvaluationDecider.decide(
          {
            type: 'RecordPartyRating',
            data: { ...input, policy: this.config.policy, now: context.now.toISOString() },
          },
          state,
        ),
      context,
    );
  }
}

/**
 * A resident rated an order. It counts for the company that executed the round rated, as the
 * company's own order stream knows it; an order no company of ours executed in that round is
 * none of the evaluation's business. The period is the one the rating was given in.
 */
export class RecordOrderRatingCommand extends Command<void> {
  constructor(
    readonly input: { orderId: string; round: number; score: number; ratedAt: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordOrderRatingCommand)
export class RecordOrderRatingHandler implements ICommandHandler<RecordOrderRatingCommand> {
  constructor(
    @InjectRepository(companyOrderAggregate) private readonly orders: CompanyOrderRepository,
    @InjectRepository(companyEvaluationAggregate) private readonly evaluations: CompanyEvaluationRepository,
    private readonly config: EvaluationPolicyConfig,
  ) {}

  async execute({ input, context }: RecordOrderRatingCommand): Promise<void> {
    const { state: order } = await this.orders.load(input.orderId);
    const companyId = ratedCompany(order, input.round);
    if (companyId === null) return;
    const period = periodOf(input.ratedAt, this.config.periodKind);
    await this.evaluations.handle(
      companyId,
      (state) =>
        companyEvaluationDecider.decide(
          {
            type: 'RecordOrderRating',
            data: { ...input, companyId, period, policy: this.config.policy, now: context.now.toISOString() },
          },
          state,
        ),
      context,
    );
  }
}
