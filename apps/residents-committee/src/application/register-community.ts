import { InjectRepository } from '@cogov/context-kit';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { communityDecider } from '../domain/community';
import { type CommunityRepository, communityAggregate } from '../infrastructure/aggregates';

export class RegisterCommunityCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { name: string; streetName: string | null },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterCommunityCommand)
export class RegisterCommunityHandler implements ICommandHandler<RegisterCommunityCommand> {
  constructor(@InjectRepository(communityAggregate) private readonly communities: CommunityRepository) {}

  async execute({ input, context }: RegisterCommunityCommand) {
    const communityId = newId(context, 'community');
    await this.communities.handle(
      communityId,
      (state) =>
        communityDecider.decide(
          { type: 'RegisterCommunity', data: { communityId, ...input, now: context.now.toISOString() } },
          state,
        ),
      context,
    );
    return { id: communityId };
  }
}
