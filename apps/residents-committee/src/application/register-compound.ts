import { InjectRepository } from '@cogov/context-kit';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { compoundDecider } from '../domain/compound';
import {
  type CommunityRepository,
  type CompoundRepository,
  communityAggregate,
  compoundAggregate,
} from '../infrastructure/aggregates';

export class RegisterCompoundCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { communityId: string; name: string; address: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterCompoundCommand)
export class RegisterCompoundHandler implements ICommandHandler<RegisterCompoundCommand> {
  constructor(
    @InjectRepository(communityAggregate) private readonly communities: CommunityRepository,
    @InjectRepository(compoundAggregate) private readonly compounds: CompoundRepository,
  ) {}

  async execute({ input, context }: RegisterCompoundCommand) {
    const compoundId = newId(context, 'compound');
    const community = await this.communities.load(input.communityId);
    await this.compounds.handle(
      compoundId,
      (state) =>
        compoundDecider.decide(
          {
            type: 'RegisterCompound',
            data: {
              compoundId,
              ...input,
              communityExists: community.revision !== 'no-stream',
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    return { id: compoundId };
  }
}
