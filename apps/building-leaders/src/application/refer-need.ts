import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { buildingLeaderDecider, type NeedCategory } from '../domain/building-leader';
import {
  buildingLeaderAggregate,
  type BuildingLeaderRepository,
  residentDirectoryAggregate,
  type ResidentDirectoryRepository,
} from '../infrastructure/aggregates';
import { namedResidents } from './named-residents';

export class ReferNeedCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      leaderId: string;
      visitId: string;
      /** For a household visit: the resident of it on whose behalf the order is placed. */
      residentId: string | null;
      category: NeedCategory;
      title: string;
      description: string;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * A need found on a visit, referred so that the residents' committee places an order on the
 * resident's behalf (channel `building-leader`); answers the referral's id.
 */
@CommandHandler(ReferNeedCommand)
export class ReferNeedHandler implements ICommandHandler<ReferNeedCommand> {
  constructor(
    @InjectRepository(buildingLeaderAggregate) private readonly leaders: BuildingLeaderRepository,
    @InjectRepository(residentDirectoryAggregate) private readonly residents: ResidentDirectoryRepository,
  ) {}

  async execute({ input, context }: ReferNeedCommand) {
    const referralId = newId(context, 'need-referral');
    const { leaderId, residentId, ...need } = input;
    const [resident] = residentId === null ? [null] : await namedResidents(this.residents, [residentId]);
    await this.leaders.handle(
      leaderId,
      (state) =>
        buildingLeaderDecider.decide(
          {
            type: 'ReferNeed',
            data: { ...need, resident: resident ?? null, referralId, now: context.now.toISOString() },
          },
          state,
        ),
      context,
    );
    return { id: referralId };
  }
}
