import { InjectRepository } from '@cogov/context-kit';
import {
  Command,
  CommandHandler,
  type ICommandHandler,
  IQueryHandler,
  Query,
  QueryHandler,
} from '@nestjs/cqrs';
import { NotFound } from '@cogov/decider';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { streetDecider } from '../domain/street';
import { type StreetRepository, streetAggregate } from '../infrastructure/aggregates';

export class RegisterStreetCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { name: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterStreetCommand)
export class RegisterStreetHandler implements ICommandHandler<RegisterStreetCommand> {
  constructor(@InjectRepository(streetAggregate) private readonly streets: StreetRepository) {}

  async execute({ input, context }: RegisterStreetCommand) {
    const streetId = newId(context, 'street');
    await this.streets.handle(
      streetId,
      (state) =>
        streetDecider.decide(
          { type: 'RegisterStreet', data: { streetId, name: input.name, now: context.now.toISOString() } },
          state,
        ),
      context,
    );
    return { id: streetId };
  }
}

export interface StreetBody {
  readonly id: string;
  readonly name: string;
  readonly registeredAt: string;
}

export class GetStreetQuery extends Query<StreetBody> {
  constructor(readonly streetId: string) {
    super();
  }
}

/** Read from the street's own stream: one small stream, always current. */
@QueryHandler(GetStreetQuery)
export class GetStreetHandler implements IQueryHandler<GetStreetQuery> {
  constructor(@InjectRepository(streetAggregate) private readonly streets: StreetRepository) {}

  async execute({ streetId }: GetStreetQuery): Promise<StreetBody> {
    const { state } = await this.streets.load(streetId);
    if (state.status === 'absent') throw new NotFound('street', streetId);
    return { id: state.streetId, name: state.name, registeredAt: state.registeredAt };
  }
}
