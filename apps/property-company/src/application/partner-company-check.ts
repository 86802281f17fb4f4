import { InjectRepository } from '@cogov/context-kit';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PartnerCompanies } from '@cogov/security';
import { type CompanyRepository, companyAggregate } from '../infrastructure/aggregates';

/** Tells the security module which companies exist, so that a partner key names a real one. */
@Injectable()
export class PartnerCompanyCheck implements OnModuleInit {
  constructor(
    private readonly companies: PartnerCompanies,
    @InjectRepository(companyAggregate) private readonly repository: CompanyRepository,
  ) {}

  onModuleInit(): void {
    this.companies.register(
      async (companyId) => (await this.repository.load(companyId)).state.status !== 'absent',
    );
  }
}
