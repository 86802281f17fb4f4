import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { buildingLeaderDecider, type Nomination } from '../domain/building-leader';
import {
  buildingLeaderAggregate,
  type BuildingLeaderRepository,
  compoundDirectoryAggregate,
  type CompoundDirectoryRepository,
  partyMemberDirectoryAggregate,
  type PartyMemberDirectoryRepository,
  residentDirectoryAggregate,
  type ResidentDirectoryRepository,
} from '../infrastructure/aggregates';
import { namedResidents } from './named-residents';

export class NominateLeaderCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      compoundId: string;
      residentId: string;
      buildingIds: string[];
      nominatedBy: Nomination;
      memberId: string | null;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** 自荐推荐: a resident is put forward as the leader of some buildings of their compound. */
@CommandHandler(NominateLeaderCommand)
export class NominateLeaderHandler implements ICommandHandler<NominateLeaderCommand> {
  constructor(
    @InjectRepository(buildingLeaderAggregate) private readonly leaders: BuildingLeaderRepository,
    @InjectRepository(compoundDirectoryAggregate) private readonly compounds: CompoundDirectoryRepository,
    @InjectRepository(residentDirectoryAggregate) private readonly residents: ResidentDirectoryRepository,
    @InjectRepository(partyMemberDirectoryAggregate) private readonly members: PartyMemberDirectoryRepository,
  ) {}

  async execute({ input, context }: NominateLeaderCommand) {
    const leaderId = newId(context, 'building-leader');
    const { memberId } = input;
    const [compound, [resident], member] = await Promise.all([
      this.compounds.load(input.compoundId),
      namedResidents(this.residents, [input.residentId]),
      memberId === null ? null : this.members.load(memberId),
    ]);
    await this.leaders.handle(
      leaderId,
      (state) =>
        buildingLeaderDecider.decide(
          {
            type: 'NominateLeader',
            data: {
              leaderId,
              compoundId: input.compoundId,
              compound: compound.state,
              resident: resident!,
              buildingIds: input.buildingIds,
              nominatedBy: input.nominatedBy,
              partyMember: memberId === null || !member ? null : { memberId, entry: member.state },
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    return { id: leaderId };
  }
}
