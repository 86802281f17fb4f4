import { InjectRepository } from '@cogov/context-kit';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { communityDecider, type WorkerRole } from '../domain/community';
import { type CommunityRepository, communityAggregate } from '../infrastructure/aggregates';

export class AppointWorkerCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { communityId: string; name: string; phone: string; role: WorkerRole },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AppointWorkerCommand)
export class AppointWorkerHandler implements ICommandHandler<AppointWorkerCommand> {
  constructor(@InjectRepository(communityAggregate) private readonly communities: CommunityRepository) {}

  async execute({ input, context }: AppointWorkerCommand) {
    const workerId = newId(context, 'worker');
    await this.communities.handle(
      input.communityId,
      (state) =>
        communityDecider.decide(
          { type: 'AppointWorker', data: { ...input, workerId, now: context.now.toISOString() } },
          state,
        ),
      context,
    );
    return { id: workerId };
  }
}
