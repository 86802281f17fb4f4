import { Injectable } from '@nestjs/common';
import { type CommandContext, withoutIdempotencyKey } from '@cogov/event-sourcing';
import {
  type ClaimHolder,
  claimHasLapsed,
  compoundCoverageDecider,
  otherClaimant,
} from '../domain/compound-coverage';
import { foundingStatus, organizationDecider } from '../domain/organization';
import { InjectRepository } from '@cogov/context-kit';
import {
  compoundCoverageAggregate,
  type CompoundCoverageRepository,
  organizationAggregate,
  type OrganizationRepository,
} from '../infrastructure/aggregates';

/**
 * Claims and gives back the compounds a branch is founded over (domain/compound-coverage.ts has
 * the rules and the story of a crash between the claims and the founding).
 */
@Injectable()
export class CompoundClaims {
  constructor(
    @InjectRepository(compoundCoverageAggregate) private readonly coverage: CompoundCoverageRepository,
    @InjectRepository(organizationAggregate) private readonly organizations: OrganizationRepository,
  ) {}

  /**
   * Claims every compound for the branch, in one order for every founding (two foundings over
   * the same compounds meet on the first of them). If one is refused, gives back the ones just
   * claimed and throws. Returns the compounds newly claimed (a retry finds some already its own).
   */
  async claimAll(
    branchId: string,
    compoundIds: readonly string[],
    context: CommandContext,
  ): Promise<string[]> {
    const claimContext = withoutIdempotencyKey(context);
    const claimed: string[] = [];
    try {
      for (const compoundId of [...compoundIds].sort()) {
        if (await this.claim(branchId, compoundId, claimContext)) claimed.push(compoundId);
      }
      return claimed;
    } catch (error) {
      await this.releaseAll(branchId, claimed, claimContext);
      throw error;
    }
  }

  async releaseAll(branchId: string, compoundIds: readonly string[], context: CommandContext): Promise<void> {
    const releaseContext = withoutIdempotencyKey(context);
    const now = context.now.toISOString();
    for (const compoundId of compoundIds) {
      await this.coverage.handle(
        compoundId,
        (state) =>
          compoundCoverageDecider.decide(
            { type: 'ReleaseCompoundClaim', data: { compoundId, branchId, now } },
            state,
          ),
        releaseContext,
      );
    }
  }

  private async claim(branchId: string, compoundId: string, context: CommandContext): Promise<boolean> {
    const now = context.now.toISOString();
    const { state } = await this.coverage.load(compoundId);
    const holderId = otherClaimant(state, branchId);
    let holder: ClaimHolder | null = null;
    if (holderId) {
      if (claimHasLapsed(state, now)) {
        // Calls the holder's founding off unless it happened meanwhile; only then may the claim go.
        await this.organizations.handle(
          holderId,
          (organization) =>
            organizationDecider.decide(
              { type: 'AbandonFounding', data: { organizationId: holderId, now } },
              organization,
            ),
          context,
        );
      }
      holder = {
        branchId: holderId,
        status: foundingStatus((await this.organizations.load(holderId)).state),
      };
    }
    const result = await this.coverage.handle(
      compoundId,
      (coverage) =>
        compoundCoverageDecider.decide(
          { type: 'ClaimCompound', data: { compoundId, branchId, holder, now } },
          coverage,
        ),
      context,
    );
    return result.events.length > 0;
  }
}
