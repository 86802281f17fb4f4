import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { buildingLeaderDecider, type NeedCategory } from '../domain/building-leader';
import { buildingLeaderAggregate, type BuildingLeaderRepository } from '../infrastructure/aggregates';

export class ReferNeedCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      leaderId: string;
      visitId: string;
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
  ) {}

  async execute({ input, context }: ReferNeedCommand) {
    const referralId = newId(context, 'need-referral');
    const { leaderId, ...need } = input;
    await this.leaders.handle(
      leaderId,
      (state) =>
        buildingLeaderDecider.decide(
          { type: 'ReferNeed', data: { ...need, referralId, now: context.now.toISOString() } },
          state,
        ),
      context,
    );
    return { id: referralId };
  }
}
