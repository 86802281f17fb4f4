import { InjectRepository } from '@cogov/context-kit';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { type Tenure, residentDecider } from '../domain/resident';
import {
  type CommunityRepository,
  type CompoundRepository,
  type ResidentRepository,
  communityAggregate,
  compoundAggregate,
  residentAggregate,
} from '../infrastructure/aggregates';
import { summarizeCompound as compoundSummary } from '../domain/compound';

export class RegisterResidentCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      communityId: string;
      compoundId: string;
      buildingId: string;
      name: string;
      phone: string;
      tenure: Tenure;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterResidentCommand)
export class RegisterResidentHandler implements ICommandHandler<RegisterResidentCommand> {
  constructor(
    @InjectRepository(communityAggregate) private readonly communities: CommunityRepository,
    @InjectRepository(compoundAggregate) private readonly compounds: CompoundRepository,
    @InjectRepository(residentAggregate) private readonly residents: ResidentRepository,
  ) {}

  async execute({ input, context }: RegisterResidentCommand) {
    const residentId = newId(context, 'resident');
    const [community, compoundStream] = await Promise.all([
      this.communities.load(input.communityId),
      this.compounds.load(input.compoundId),
    ]);
    const compound = compoundSummary(input.compoundId, compoundStream.state);
    const communityExists = community.state.status !== 'absent';
    await this.residents.handle(
      residentId,
      (state) =>
        residentDecider.decide(
          {
            type: 'RegisterResident',
            data: { ...input, residentId, communityExists, compound, now: context.now.toISOString() },
          },
          state,
        ),
      context,
    );
    return { id: residentId };
  }
}

export class RecordTenureCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { residentId: string; tenure: 'owner' | 'tenant' },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordTenureCommand)
export class RecordTenureHandler implements ICommandHandler<RecordTenureCommand> {
  constructor(@InjectRepository(residentAggregate) private readonly residents: ResidentRepository) {}

  async execute({ input, context }: RecordTenureCommand) {
    await this.residents.handle(
      input.residentId,
      (state) =>
        residentDecider.decide(
          { type: 'RecordTenure', data: { ...input, now: context.now.toISOString() } },
          state,
        ),
      context,
    );
    return { id: input.residentId };
  }
}

export class SetResidentFlagsCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { residentId: string; flags: readonly string[] },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** 关爱对象: the resident's care flags, the whole set replacing the last. */
@CommandHandler(SetResidentFlagsCommand)
export class SetResidentFlagsHandler implements ICommandHandler<SetResidentFlagsCommand> {
  constructor(@InjectRepository(residentAggregate) private readonly residents: ResidentRepository) {}

  async execute({ input, context }: SetResidentFlagsCommand) {
    await this.residents.handle(
      input.residentId,
      (state) =>
        residentDecider.decide(
          {
            type: 'SetResidentFlags',
            data: { residentId: input.residentId, flags: input.flags, now: context.now.toISOString() },
          },
          state,
        ),
      context,
    );
    return { id: input.residentId };
  }
}
