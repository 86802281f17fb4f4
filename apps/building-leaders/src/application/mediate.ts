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
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { type Mediation, type MediationOutcome, mediationDecider } from '../domain/mediation';
import {
  buildingLeaderAggregate,
  type BuildingLeaderRepository,
  compoundDirectoryAggregate,
  type CompoundDirectoryRepository,
  mediationAggregate,
  type MediationRepository,
  residentDirectoryAggregate,
  type ResidentDirectoryRepository,
} from '../infrastructure/aggregates';
import { namedResidents } from './named-residents';

export class OpenMediationCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      mediatorId: string;
      buildingId: string;
      residentIds: string[];
      persons: string[];
      summary: string;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** 矛盾调解: a vetted building leader opens the mediation of a dispute between neighbours. */
@CommandHandler(OpenMediationCommand)
export class OpenMediationHandler implements ICommandHandler<OpenMediationCommand> {
  constructor(
    @InjectRepository(mediationAggregate) private readonly mediations: MediationRepository,
    @InjectRepository(buildingLeaderAggregate) private readonly leaders: BuildingLeaderRepository,
    @InjectRepository(compoundDirectoryAggregate) private readonly compounds: CompoundDirectoryRepository,
    @InjectRepository(residentDirectoryAggregate) private readonly residents: ResidentDirectoryRepository,
  ) {}

  async execute({ input, context }: OpenMediationCommand) {
    const mediationId = newId(context, 'mediation');
    const mediator = (await this.leaders.load(input.mediatorId)).state;
    if (mediator.status === 'absent') throw new NotFound('building leader', input.mediatorId);
    const [compound, residents] = await Promise.all([
      this.compounds.load(mediator.compoundId),
      namedResidents(this.residents, input.residentIds),
    ]);
    await this.mediations.handle(
      mediationId,
      (state) =>
        mediationDecider.decide(
          {
            type: 'OpenMediation',
            data: {
              mediationId,
              mediatorId: input.mediatorId,
              mediator,
              compound: compound.state,
              buildingId: input.buildingId,
              residents,
              persons: input.persons,
              summary: input.summary,
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    return { id: mediationId };
  }
}

export class RecordMediationSessionCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { mediationId: string; mediatorId: string; heldOn: string; notes: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A mediation session held; answers the session's id. */
@CommandHandler(RecordMediationSessionCommand)
export class RecordMediationSessionHandler implements ICommandHandler<RecordMediationSessionCommand> {
  constructor(@InjectRepository(mediationAggregate) private readonly mediations: MediationRepository) {}

  async execute({ input, context }: RecordMediationSessionCommand) {
    const sessionId = newId(context, 'mediation-session');
    const { mediationId, ...held } = input;
    await this.mediations.handle(
      mediationId,
      (state) =>
        mediationDecider.decide(
          { type: 'RecordSession', data: { ...held, sessionId, now: context.now.toISOString() } },
          state,
        ),
      context,
    );
    return { id: sessionId };
  }
}

export class RecordMediationOutcomeCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { mediationId: string; mediatorId: string; outcome: MediationOutcome; note: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Settled, or escalated into an order placed with the residents' committee. */
@CommandHandler(RecordMediationOutcomeCommand)
export class RecordMediationOutcomeHandler implements ICommandHandler<RecordMediationOutcomeCommand> {
  constructor(@InjectRepository(mediationAggregate) private readonly mediations: MediationRepository) {}

  async execute({ input, context }: RecordMediationOutcomeCommand) {
    const { mediationId, ...decided } = input;
    await this.mediations.handle(
      mediationId,
      (state) =>
        mediationDecider.decide(
          { type: 'RecordOutcome', data: { ...decided, now: context.now.toISOString() } },
          state,
        ),
      context,
    );
    return { id: mediationId };
  }
}

/** The residents' committee placed an order; it is a mediation's when it carries its id. */
export class RecordMediationOrderCommand extends Command<void> {
  constructor(
    readonly placed: { orderId: string; placedAt: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordMediationOrderCommand)
export class RecordMediationOrderHandler implements ICommandHandler<RecordMediationOrderCommand> {
  constructor(@InjectRepository(mediationAggregate) private readonly mediations: MediationRepository) {}

  async execute({ placed, context }: RecordMediationOrderCommand): Promise<void> {
    // Most orders are no mediation's: the decider answers nothing and nothing is written.
    await this.mediations.handle(
      placed.orderId,
      (state) => mediationDecider.decide({ type: 'RecordOrderPlaced', data: placed }, state),
      context,
    );
  }
}

export type MediationView = Exclude<Mediation, { status: 'absent' }>;

export class GetMediationQuery extends Query<MediationView> {
  constructor(readonly mediationId: string) {
    super();
  }
}

/** The mediation from its own stream: parties, sessions, outcome and the order it became. */
@QueryHandler(GetMediationQuery)
export class GetMediationHandler implements IQueryHandler<GetMediationQuery> {
  constructor(@InjectRepository(mediationAggregate) private readonly mediations: MediationRepository) {}

  async execute({ mediationId }: GetMediationQuery): Promise<MediationView> {
    const { state } = await this.mediations.load(mediationId);
    if (state.status === 'absent') throw new NotFound('mediation', mediationId);
    return state;
  }
}
