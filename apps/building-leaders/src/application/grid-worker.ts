import {
  Command,
  CommandHandler,
  type ICommandHandler,
  type IQueryHandler,
  Query,
  QueryHandler,
} from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import { NotFound } from '@cogov/decider';
import type { CommandContext } from '@cogov/event-sourcing';
import { type BuildingLeader, buildingLeaderDecider } from '../domain/building-leader';
import { buildingLeaderAggregate, type BuildingLeaderRepository } from '../infrastructure/aggregates';

export class NameGridWorkerCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { leaderId: string; namedBy: string; gridId: string | null; gridLabel: string | null },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** 兼职网格员: residents' committee staff name a vetted leader a part-time grid worker. */
@CommandHandler(NameGridWorkerCommand)
export class NameGridWorkerHandler implements ICommandHandler<NameGridWorkerCommand> {
  constructor(
    @InjectRepository(buildingLeaderAggregate) private readonly leaders: BuildingLeaderRepository,
  ) {}

  async execute({ input, context }: NameGridWorkerCommand) {
    const { leaderId, ...post } = input;
    await this.leaders.handle(
      leaderId,
      (state) =>
        buildingLeaderDecider.decide(
          { type: 'NameGridWorker', data: { ...post, now: context.now.toISOString() } },
          state,
        ),
      context,
    );
    return { id: leaderId };
  }
}

/** The leader as residents' committee staff see them; visits stay out (their notes are private). */
export type LeaderView = Omit<Exclude<BuildingLeader, { status: 'absent' }>, 'visits'>;

export class GetLeaderQuery extends Query<LeaderView> {
  constructor(readonly leaderId: string) {
    super();
  }
}

@QueryHandler(GetLeaderQuery)
export class GetLeaderHandler implements IQueryHandler<GetLeaderQuery> {
  constructor(
    @InjectRepository(buildingLeaderAggregate) private readonly leaders: BuildingLeaderRepository,
  ) {}

  async execute({ leaderId }: GetLeaderQuery): Promise<LeaderView> {
    const { state } = await this.leaders.load(leaderId);
    if (state.status === 'absent') throw new NotFound('building leader', leaderId);
    const { visits: _visits, ...view } = state;
    return view;
  }
}
