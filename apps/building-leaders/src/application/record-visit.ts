import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { buildingLeaderDecider, type Visited } from '../domain/building-leader';
import {
  buildingLeaderAggregate,
  type BuildingLeaderRepository,
  residentDirectoryAggregate,
  type ResidentDirectoryRepository,
} from '../infrastructure/aggregates';
import { namedResidents } from './named-residents';

export class RecordVisitCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      leaderId: string;
      /** Exactly one of the two: a resident, or a household of a building. */
      visited: { residentId: string } | { buildingId: string; household: string };
      notes: string;
      needsFound: string[];
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** 走访: an approved leader records a visit to a resident or household of their buildings; answers the visit's id. */
@CommandHandler(RecordVisitCommand)
export class RecordVisitHandler implements ICommandHandler<RecordVisitCommand> {
  constructor(
    @InjectRepository(buildingLeaderAggregate) private readonly leaders: BuildingLeaderRepository,
    @InjectRepository(residentDirectoryAggregate) private readonly residents: ResidentDirectoryRepository,
  ) {}

  async execute({ input, context }: RecordVisitCommand) {
    const visitId = newId(context, 'visit');
    const { visited: named } = input;
    const visited: Visited =
      'residentId' in named
        ? { kind: 'resident', resident: (await namedResidents(this.residents, [named.residentId]))[0]! }
        : { kind: 'household', buildingId: named.buildingId, household: named.household };
    await this.leaders.handle(
      input.leaderId,
      (state) =>
        buildingLeaderDecider.decide(
          {
            type: 'RecordVisit',
            data: {
              visitId,
              visited,
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
