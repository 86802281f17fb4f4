import { InjectRepository } from '@cogov/context-kit';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, newId, withoutIdempotencyKey } from '@cogov/event-sourcing';
import { type Committee, committeeDecider } from '../domain/committee';
import { compoundTermsDecider, overlappingHolders, reservationHasLapsed } from '../domain/compound-terms';
import {
  committeeAggregate,
  type CommitteeRepository,
  compoundTermsAggregate,
  type CompoundTermsRepository,
} from '../infrastructure/aggregates';
import { Directory } from './directory';

export class FormCommitteeCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { compoundId: string; termStart: string; termEnd: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(FormCommitteeCommand)
export class FormCommitteeHandler implements ICommandHandler<FormCommitteeCommand> {
  constructor(
    @InjectRepository(committeeAggregate) private readonly committees: CommitteeRepository,
    @InjectRepository(compoundTermsAggregate) private readonly terms: CompoundTermsRepository,
    private readonly directory: Directory,
  ) {}

  async execute({ input, context }: FormCommitteeCommand) {
    const committeeId = newId(context, 'owners-committee');
    const now = context.now.toISOString();
    const compound = await this.directory.lookUp(input.compoundId);
    const forming = (state: Committee) =>
      committeeDecider.decide(
        {
          type: 'FormCommittee',
          data: { committeeId, compound, termStart: input.termStart, termEnd: input.termEnd, now },
        },
        state,
      );
    // The term is reserved on the compound's stream first (one committee per compound per term);
    // a refused formation reserves nothing, and one that fails after reserving gives it back.
    const { state } = await this.committees.load(committeeId);
    if (state.status === 'formed') return { id: committeeId };
    forming(state);
    const reservationContext = withoutIdempotencyKey(context);
    const abandoned = await this.abandonLapsedHolders(input, committeeId, now, reservationContext);
    const reserved = await this.terms.handle(
      input.compoundId,
      (terms) =>
        compoundTermsDecider.decide(
          { type: 'ReserveTerm', data: { ...input, committeeId, abandoned, now } },
          terms,
        ),
      reservationContext,
    );
    try {
      await this.committees.handle(committeeId, forming, context);
    } catch (error) {
      if (reserved.events.length > 0) {
        await this.terms.handle(
          input.compoundId,
          (terms) =>
            compoundTermsDecider.decide(
              { type: 'ReleaseTerm', data: { compoundId: input.compoundId, committeeId, now } },
              terms,
            ),
          reservationContext,
        );
      }
      throw error;
    }
    return { id: committeeId };
  }

  /**
   * Calls off the formations of the committees holding overlapping terms whose reservation has
   * lapsed, unless they were formed meanwhile; returns those whose formation is now abandoned.
   */
  private async abandonLapsedHolders(
    term: { compoundId: string; termStart: string; termEnd: string },
    committeeId: string,
    now: string,
    context: CommandContext,
  ): Promise<string[]> {
    const { state } = await this.terms.load(term.compoundId);
    const abandoned: string[] = [];
    for (const holder of overlappingHolders(state, { ...term, committeeId })) {
      if (!reservationHasLapsed(holder, now)) continue;
      const holderId = holder.committeeId;
      await this.committees.handle(
        holderId,
        (committee) =>
          committeeDecider.decide(
            { type: 'AbandonFormation', data: { committeeId: holderId, now } },
            committee,
          ),
        context,
      );
      if ((await this.committees.load(holderId)).state.status === 'abandoned') abandoned.push(holderId);
    }
    return abandoned;
  }
}
