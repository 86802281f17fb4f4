import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { buildingLeaderDecider } from '../domain/building-leader';
import {
  buildingLeaderAggregate,
  type BuildingLeaderRepository,
  residentDirectoryAggregate,
  type ResidentDirectoryRepository,
} from '../infrastructure/aggregates';
import { namedResidents } from './named-residents';

export class ReportOpinionCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { leaderId: string; topic: string; text: string; residentIds: string[] },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** 民意上报: an approved leader reports residents' opinion up; answers the opinion's id. */
@CommandHandler(ReportOpinionCommand)
export class ReportOpinionHandler implements ICommandHandler<ReportOpinionCommand> {
  constructor(
    @InjectRepository(buildingLeaderAggregate) private readonly leaders: BuildingLeaderRepository,
    @InjectRepository(residentDirectoryAggregate) private readonly residents: ResidentDirectoryRepository,
  ) {}

  async execute({ input, context }: ReportOpinionCommand) {
    const opinionId = newId(context, 'opinion');
    const residents = await namedResidents(this.residents, input.residentIds);
    await this.leaders.handle(
      input.leaderId,
      (state) =>
        buildingLeaderDecider.decide(
          {
            type: 'ReportOpinion',
            data: {
              opinionId,
              topic: input.topic,
              text: input.text,
              residents,
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    return { id: opinionId };
  }
}
