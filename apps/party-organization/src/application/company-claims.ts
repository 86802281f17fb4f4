import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@cogov/context-kit';
import { type CommandContext, withoutIdempotencyKey } from '@cogov/event-sourcing';
import type { ClaimHolder } from '../domain/compound-coverage';
import {
  companyBranchReservationDecider,
  companyClaimHasLapsed,
  otherCompanyClaimant,
} from '../domain/company-branch-reservation';
import { foundingStatus, organizationDecider } from '../domain/organization';
import {
  companyBranchReservationAggregate,
  type CompanyBranchReservationRepository,
  organizationAggregate,
  type OrganizationRepository,
} from '../infrastructure/aggregates';

/** Claims and gives back the property company a company branch is founded for. */
@Injectable()
export class CompanyClaims {
  constructor(
    @InjectRepository(companyBranchReservationAggregate)
    private readonly reservations: CompanyBranchReservationRepository,
    @InjectRepository(organizationAggregate) private readonly organizations: OrganizationRepository,
  ) {}

  /** Whether the claim is new (a retry finds it already its own). Throws when another has it. */
  async claim(branchId: string, companyId: string, context: CommandContext): Promise<boolean> {
    const claimContext = withoutIdempotencyKey(context);
    const now = context.now.toISOString();
    const { state } = await this.reservations.load(companyId);
    const holderId = otherCompanyClaimant(state, branchId);
    let holder: ClaimHolder | null = null;
    if (holderId) {
      if (companyClaimHasLapsed(state, now)) {
        await this.organizations.handle(
          holderId,
          (organization) =>
            organizationDecider.decide(
              { type: 'AbandonFounding', data: { organizationId: holderId, now } },
              organization,
            ),
          claimContext,
        );
      }
      const { state: holding } = await this.organizations.load(holderId);
      holder = { branchId: holderId, status: foundingStatus(holding) };
    }
    const result = await this.reservations.handle(
      companyId,
      (reservation) =>
        companyBranchReservationDecider.decide(
          { type: 'ClaimCompany', data: { companyId, branchId, holder, now } },
          reservation,
        ),
      claimContext,
    );
    return result.events.length > 0;
  }

  async release(branchId: string, companyId: string, context: CommandContext): Promise<void> {
    const now = context.now.toISOString();
    await this.reservations.handle(
      companyId,
      (reservation) =>
        companyBranchReservationDecider.decide(
          { type: 'ReleaseCompanyClaim', data: { companyId, branchId, now } },
          reservation,
        ),
      withoutIdempotencyKey(context),
    );
  }
}
