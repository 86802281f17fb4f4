import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import type { CommandContext } from '@cogov/event-sourcing';
import { buildingLeaderDecider, type VettingDecision } from '../domain/building-leader';
import { buildingLeaderAggregate, type BuildingLeaderRepository } from '../infrastructure/aggregates';

export class VetLeaderCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { leaderId: string; vetterId: string; decision: VettingDecision; note: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** 组织考察: residents' committee staff approve or reject a nominated leader. */
@CommandHandler(VetLeaderCommand)
export class VetLeaderHandler implements ICommandHandler<VetLeaderCommand> {
  constructor(
    @InjectRepository(buildingLeaderAggregate) private readonly leaders: BuildingLeaderRepository,
  ) {}

  async execute({ input, context }: VetLeaderCommand) {
    const { leaderId, ...vetting } = input;
    await this.leaders.handle(
      leaderId,
      (state) =>
        buildingLeaderDecider.decide(
          { type: 'VetLeader', data: { ...vetting, now: context.now.toISOString() } },
          state,
        ),
      context,
    );
    return { id: leaderId };
  }
}
