import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import { NotFound, NotYetKnown, RuleViolation } from '@cogov/decider';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { accountDecider } from '../domain/account';
import { dayInChina } from '../domain/china-calendar';
import { refOf, standardInForce, type StandardRef } from '../domain/standards';
import {
  accountAggregate,
  type AccountRepository,
  catalogueAggregate,
  type CatalogueRepository,
  streetStandardsAggregate,
  type StreetStandardsRepository,
} from '../infrastructure/aggregates';
import { Places } from './places';

export class RedeemPointsCommand extends Command<{ id: string; points: number }> {
  constructor(
    readonly input: { personId: string; communityId: string; itemId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * A redemption at a community's service station: the item's price from the community's catalogue,
 * the standards in force today in the station's street and every street the person holds
 * deposits in, then one decision on the account. Two stations redeeming the last points at once
 * append against one revision: the loser decides again on the winner's balance (409 when it no
 * longer suffices, or after five lost races), never below zero.
 */
@CommandHandler(RedeemPointsCommand)
export class RedeemPointsHandler implements ICommandHandler<RedeemPointsCommand> {
  constructor(
    @InjectRepository(accountAggregate) private readonly accounts: AccountRepository,
    @InjectRepository(catalogueAggregate) private readonly catalogues: CatalogueRepository,
    @InjectRepository(streetStandardsAggregate) private readonly standards: StreetStandardsRepository,
    private readonly places: Places,
  ) {}

  async execute({ input, context }: RedeemPointsCommand) {
    const streetId = await this.places.streetOf(input.communityId);
    if (streetId === undefined) throw new NotYetKnown('community', input.communityId);
    if (streetId === null) {
      throw new RuleViolation(`community ${input.communityId} lies in no street: it has no points standard`, {
        communityId: input.communityId,
      });
    }
    const catalogue = (await this.catalogues.load(input.communityId)).state;
    const item = catalogue.items.find((i) => i.itemId === input.itemId);
    if (!item) {
      throw new NotFound('catalogue item', input.itemId, { entity: 'community', id: input.communityId });
    }
    const { state: account } = await this.accounts.load(input.personId);
    if (account.status === 'absent') throw new NotFound('points account', input.personId);
    const today = dayInChina(context.now.toISOString());
    const standardsToday: Record<string, StandardRef | null> = {};
    for (const street of new Set([streetId, ...account.streets])) {
      standardsToday[street] = refOf(standardInForce((await this.standards.load(street)).state, today));
    }
    const redemptionId = newId(context, 'points-bank.redemption');
    await this.accounts.handle(
      input.personId,
      (state) =>
        accountDecider.decide(
          {
            type: 'RedeemPoints',
            data: {
              personId: input.personId,
              redemptionId,
              communityId: input.communityId,
              streetId,
              item: { itemId: item.itemId, name: item.name, points: item.points },
              standardsToday,
              redeemedBy: context.actorId,
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    return { id: redemptionId, points: item.points };
  }
}
