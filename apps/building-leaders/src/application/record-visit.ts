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

export class RecordVisitCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { leaderId: string; residentId: string; notes: string; needsFound: string[] },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** 走访: an approved leader records a visit to a resident of their buildings; answers the visit's id. */
@CommandHandler(RecordVisitCommand)
export class RecordVisitHandler implements ICommandHandler<RecordVisitCommand> {
  constructor(
    @InjectRepository(buildingLeaderAggregate) private readonly leaders: BuildingLeaderRepository,
    @InjectRepository(residentDirectoryAggregate) private readonly residents: ResidentDirectoryRepository,
  ) {}

  async execute({ input, context }: RecordVisitCommand) {
    const visitId = newId(context, 'visit');
    const [resident] = await namedResidents(this.residents, [input.residentId]);
    await this.leaders.handle(
      input.leaderId,
      (state) =>
        buildingLeaderDecider.decide(
          {
            type: 'RecordVisit',
            data: {
              visitId,
              resident: resident!,
              notes: input.notes,
              needsFound: input.needsFound,
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    return { id: visitId };
  }
}
