import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import { NotFound, OutOfScope } from '@cogov/decider';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { accountDecider } from '../domain/account';
import { accountAggregate, type AccountRepository } from '../infrastructure/aggregates';
import { Places } from './places';

export class CorrectPointsCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      personId: string;
      streetId: string;
      communityId: string | null;
      points: number;
      reason: string;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A staff member's correction of a street's deposit, with its reason; never of their own account. */
@CommandHandler(CorrectPointsCommand)
export class CorrectPointsHandler implements ICommandHandler<CorrectPointsCommand> {
  constructor(
    @InjectRepository(accountAggregate) private readonly accounts: AccountRepository,
    private readonly places: Places,
  ) {}

  async execute({ input, context }: CorrectPointsCommand) {
    if (!(await this.places.streetKnown(input.streetId))) throw new NotFound('street', input.streetId);
    if (input.communityId !== null) {
      const street = await this.places.streetOf(input.communityId);
      if (street === undefined) throw new NotFound('community', input.communityId);
      if (street !== input.streetId) {
        throw new OutOfScope(
          'community',
          input.communityId,
          `community ${input.communityId} does not lie in street ${input.streetId}`,
          { streetId: street, wantedStreetId: input.streetId },
        );
      }
    }
    const correctionId = newId(context, 'points-bank.correction');
    await this.accounts.handle(
      input.personId,
      (state) =>
        accountDecider.decide(
          {
            type: 'CorrectPoints',
            data: { ...input, correctionId, correctedBy: context.actorId, now: context.now.toISOString() },
          },
          state,
        ),
      context,
    );
    return { id: correctionId };
  }
}
