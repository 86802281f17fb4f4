import { InjectRepository } from '@cogov/context-kit';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { communityDecider } from '../domain/community';
import {
  type CommunityRepository,
  type StreetRepository,
  communityAggregate,
  streetAggregate,
} from '../infrastructure/aggregates';

export class RegisterCommunityCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { name: string; streetName: string | null; streetId: string | null },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterCommunityCommand)
export class RegisterCommunityHandler implements ICommandHandler<RegisterCommunityCommand> {
  constructor(
    @InjectRepository(communityAggregate) private readonly communities: CommunityRepository,
    @InjectRepository(streetAggregate) private readonly streets: StreetRepository,
  ) {}

  async execute({ input, context }: RegisterCommunityCommand) {
    const communityId = newId(context, 'community');
    const street = input.streetId === null ? null : await this.street(input.streetId);
    await this.communities.handle(
      communityId,
      (state) =>
        communityDecider.decide(
          {
            type: 'RegisterCommunity',
            data: {
              communityId,
              name: input.name,
              streetName: input.streetName,
              street,
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    return { id: communityId };
  }

  /** Streets are never removed, so what was found stays true while the community is registered. */
  private async street(streetId: string) {
    const { state } = await this.streets.load(streetId);
    return state.status === 'absent'
      ? { streetId, exists: false, name: null }
      : { streetId, exists: true, name: state.name };
  }
}
