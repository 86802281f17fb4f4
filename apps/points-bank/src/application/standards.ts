import {
  Command,
  CommandHandler,
  type ICommandHandler,
  IQueryHandler,
  Query,
  QueryHandler,
} from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import { NotYetKnown } from '@cogov/decider';
import { type CommandContext, withoutIdempotencyKey } from '@cogov/event-sourcing';
import { type PointsStandard, standardInForce, streetStandardsDecider } from '../domain/standards';
import { dayInChina } from '../domain/china-calendar';
import { streetStandardsAggregate, type StreetStandardsRepository } from '../infrastructure/aggregates';
import { Earnings } from './earnings';
import { Places } from './places';

export class PublishStandardCommand extends Command<{
  streetId: string;
  standardId: string;
  version: number;
}> {
  constructor(
    readonly input: { streetId: string; standard: PointsStandard },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(PublishStandardCommand)
export class PublishStandardHandler implements ICommandHandler<PublishStandardCommand> {
  constructor(
    @InjectRepository(streetStandardsAggregate) private readonly standards: StreetStandardsRepository,
    private readonly places: Places,
    private readonly earnings: Earnings,
  ) {}

  async execute({ input, context }: PublishStandardCommand) {
    if (!(await this.places.streetKnown(input.streetId))) throw new NotYetKnown('street', input.streetId);
    await this.standards.handle(
      input.streetId,
      (state) =>
        streetStandardsDecider.decide(
          {
            type: 'PublishStandard',
            data: {
              streetId: input.streetId,
              standard: input.standard,
              publishedBy: context.actorId,
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    // Orders and activities of the street that waited for a standard in force on their day.
    await this.earnings.settleStreet(input.streetId, withoutIdempotencyKey(context));
    return {
      streetId: input.streetId,
      standardId: input.standard.standardId,
      version: input.standard.version,
    };
  }
}

export class GetStandardsQuery extends Query<unknown> {
  constructor(
    readonly streetId: string,
    readonly now: Date,
  ) {
    super();
  }
}

@QueryHandler(GetStandardsQuery)
export class GetStandardsHandler implements IQueryHandler<GetStandardsQuery> {
  constructor(
    @InjectRepository(streetStandardsAggregate) private readonly standards: StreetStandardsRepository,
  ) {}

  async execute({ streetId, now }: GetStandardsQuery) {
    const { state } = await this.standards.load(streetId);
    const today = dayInChina(now.toISOString());
    const inForce = standardInForce(state, today);
    return {
      streetId,
      today,
      inForce: inForce ? { standardId: inForce.standardId, version: inForce.version } : null,
      standards: state.standards,
    };
  }
}
