import { InjectRepository } from '@cogov/context-kit';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@cogov/decider';
import {
  type RedPropertyRule,
  type RuleAssessment,
  RED_PROPERTY_RULES,
  type ServiceContract,
} from '../domain/company';
import { type CompanyRepository, companyAggregate } from '../infrastructure/aggregates';

export interface CompanyView {
  readonly companyId: string;
  readonly name: string;
  readonly unifiedCreditCode: string;
  readonly staffCount: number;
  readonly fullPartyMemberCount: number;
  readonly partyOrganizationId: string | null;
  readonly rules: Array<RuleAssessment & { rule: RedPropertyRule }>;
  readonly contracts: ServiceContract[];
  readonly registeredAt: string;
}

export class GetCompanyQuery extends Query<CompanyView> {
  constructor(readonly companyId: string) {
    super();
  }
}

/** One company, read from its stream (a handful of events). */
@QueryHandler(GetCompanyQuery)
export class GetCompanyHandler implements IQueryHandler<GetCompanyQuery> {
  constructor(@InjectRepository(companyAggregate) private readonly companies: CompanyRepository) {}

  async execute({ companyId }: GetCompanyQuery): Promise<CompanyView> {
    const { state } = await this.companies.load(companyId);
    if (state.status === 'absent') throw new NotFound('property company', companyId);
    return {
      companyId: state.companyId,
      name: state.name,
      unifiedCreditCode: state.unifiedCreditCode,
      staffCount: state.staffCount,
      fullPartyMemberCount: state.fullPartyMemberCount,
      partyOrganizationId: state.partyOrganizationId,
      rules: RED_PROPERTY_RULES.map((rule) => ({ rule, ...state.rules[rule] })),
      contracts: state.contracts,
      registeredAt: state.registeredAt,
    };
  }
}
