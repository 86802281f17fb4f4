import { InjectRepository } from '@cogov/context-kit';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { NotFound } from '@cogov/decider';
import {
  type RedPropertyRule,
  type RuleAssessment,
  RED_PROPERTY_RULES,
  type ServiceContract,
} from '../domain/company';
import { type Grade, periodScore, type PeriodScore } from '../domain/company-evaluation';
import {
  type CompanyEvaluationRepository,
  type CompanyRepository,
  companyAggregate,
  companyEvaluationAggregate,
} from '../infrastructure/aggregates';
import { EvaluationPolicyConfig } from './evaluation-policy';
import { CompanyOrderView } from '../infrastructure/company-orders/company-order-view.entity';

export interface CompanyView {
  readonly companyId: string;
  readonly name: string;
  readonly unifiedCreditCode: string;
  readonly staffCount: number;
  readonly fullPartyMemberCount: number;
  readonly partyOrganizationId: string | null;
  readonly rules: Array<RuleAssessment & { rule: RedPropertyRule }>;
  readonly contracts: ServiceContract[];
  readonly openOrders: Array<{ orderId: string; round: number; stage: string; dispatchedAt: string }>;
  /** 物业服务质量考核评价: each period's score as the current policy derives it, and its grade. */
  readonly evaluations: Array<
    PeriodScore & {
      period: string;
      grade: Grade | null;
      committeeEvaluationCount: number;
      partyRatingCount: number;
    }
  >;
  readonly registeredAt: string;
}

export class GetCompanyQuery extends Query<CompanyView> {
  constructor(readonly companyId: string) {
    super();
  }
}

/**
 * One company, read from its stream (a handful of events), its open orders from their read model,
 * and its evaluation's periods from the evaluation's stream.
 */
@QueryHandler(GetCompanyQuery)
export class GetCompanyHandler implements IQueryHandler<GetCompanyQuery> {
  constructor(
    @InjectRepository(companyAggregate) private readonly companies: CompanyRepository,
    @InjectRepository(companyEvaluationAggregate) private readonly evaluations: CompanyEvaluationRepository,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    private readonly config: EvaluationPolicyConfig,
  ) {}

  async execute({ companyId }: GetCompanyQuery): Promise<CompanyView> {
    const { state } = await this.companies.load(companyId);
    if (state.status === 'absent') throw new NotFound('property company', companyId);
    const open = await this.db.readSource
      .getRepository(CompanyOrderView)
      .find({ where: { companyId, open: true }, order: { dispatchedAt: 'ASC' } });
    const { state: evaluation } = await this.evaluations.load(companyId);
    const evaluations = Object.entries(evaluation.periods)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([period, facts]) => ({
        period,
        ...periodScore(facts, this.config.policy),
        grade: facts.grade,
        committeeEvaluationCount: Object.keys(facts.committeeEvaluations).length,
        partyRatingCount: Object.keys(facts.partyRatings).length,
      }));
    return {
      companyId: state.companyId,
      name: state.name,
      unifiedCreditCode: state.unifiedCreditCode,
      staffCount: state.staffCount,
      fullPartyMemberCount: state.fullPartyMemberCount,
      partyOrganizationId: state.partyOrganizationId,
      rules: RED_PROPERTY_RULES.map((rule) => ({ rule, ...state.rules[rule] })),
      contracts: state.contracts,
      openOrders: open.map(({ orderId, round, stage, dispatchedAt }) => ({
        orderId,
        round,
        stage,
        dispatchedAt,
      })),
      evaluations,
      registeredAt: state.registeredAt,
    };
  }
}
