import { InjectRepository } from '@cogov/context-kit';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { In } from 'typeorm';
import {
  type Organization,
  type OrganizationKind,
  organizationDecider,
  summarize,
} from '../domain/organization';
import { type OrganizationRepository, organizationAggregate } from '../infrastructure/aggregates';
import { CommunityDirectoryEntry } from '../infrastructure/directory/community-directory.entity';
import { CompanyDirectoryEntry } from '../infrastructure/directory/company-directory.entity';
import { CompanyClaims } from './company-claims';
import { CompoundClaims } from './compound-claims';

export class FoundOrganizationCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      kind: OrganizationKind;
      name: string;
      communityId: string;
      parentId: string | null;
      compoundIds: string[];
      buildingIds: string[];
      /** Only for a company branch. */
      companyId: string | null;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(FoundOrganizationCommand)
export class FoundOrganizationHandler implements ICommandHandler<FoundOrganizationCommand> {
  constructor(
    @InjectRepository(organizationAggregate) private readonly organizations: OrganizationRepository,
    private readonly claims: CompoundClaims,
    private readonly companyClaims: CompanyClaims,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  async execute({ input, context }: FoundOrganizationCommand) {
    const organizationId = newId(context, 'organization');
    const { parentId, ...rest } = input;
    const parent = parentId ? summarize(parentId, (await this.organizations.load(parentId)).state) : null;
    const directory = this.db.readSource.getRepository(CommunityDirectoryEntry);
    const named = [...input.compoundIds, ...input.buildingIds];
    const [known, namedEntries, company] = await Promise.all([
      // Residents are in the directory too, and a community has tens of thousands of them.
      directory.findBy({ communityId: input.communityId, kind: In(['community', 'compound', 'building']) }),
      named.length > 0 ? directory.findBy({ id: In(named) }) : Promise.resolve([]),
      input.companyId
        ? this.db.readSource.getRepository(CompanyDirectoryEntry).findOneBy({ companyId: input.companyId })
        : Promise.resolve(null),
    ]);
    const compoundsInCommunity = known.filter((e) => e.kind === 'compound').map((e) => e.id);
    const buildingsByCompound: Record<string, string[]> = Object.fromEntries(
      compoundsInCommunity.map((id) => [id, []]),
    );
    for (const building of known.filter((e) => e.kind === 'building')) {
      if (building.compoundId) (buildingsByCompound[building.compoundId] ??= []).push(building.id);
    }
    const founding = (state: Organization) =>
      organizationDecider.decide(
        {
          type: 'FoundOrganization',
          data: {
            ...rest,
            organizationId,
            communityKnown: known.some((e) => e.kind === 'community'),
            parent,
            compoundsInCommunity,
            buildingsByCompound,
            knownAnywhere: namedEntries.map((e) => e.id),
            companyKnown: company !== null,
            now: context.now.toISOString(),
          },
        },
        state,
      );
    // A branch claims its compounds first (one branch per compound); a refused founding claims
    // nothing, and one that fails after claiming gives back what it claimed.
    // A company branch claims its company the same way (one Party organization per company).
    let claimed: string[] = [];
    let claimedCompany: string | null = null;
    if (input.kind === 'branch' || input.kind === 'company-branch') {
      const { state } = await this.organizations.load(organizationId);
      if (state.status === 'absent') {
        founding(state);
        if (input.kind === 'branch') {
          claimed = await this.claims.claimAll(organizationId, input.compoundIds, context);
        } else if (await this.companyClaims.claim(organizationId, input.companyId!, context)) {
          claimedCompany = input.companyId;
        }
      }
    }
    try {
      await this.organizations.handle(organizationId, founding, context);
    } catch (error) {
      await this.claims.releaseAll(organizationId, claimed, context);
      if (claimedCompany) await this.companyClaims.release(organizationId, claimedCompany, context);
      throw error;
    }
    return { id: organizationId };
  }
}
