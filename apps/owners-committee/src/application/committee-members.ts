import { InjectRepository } from '@cogov/context-kit';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { type Background, type CommitteeRole, committeeDecider } from '../domain/committee';
import { committeeAggregate, type CommitteeRepository } from '../infrastructure/aggregates';
import { Directory } from './directory';
import { MINIMUM_PARTY_SHARE } from './minimum-party-share';

export class AddMemberCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      committeeId: string;
      residentId: string;
      role: CommitteeRole;
      partyMemberId: string | null;
      background: Background;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AddMemberCommand)
export class AddMemberHandler implements ICommandHandler<AddMemberCommand> {
  constructor(
    @InjectRepository(committeeAggregate) private readonly committees: CommitteeRepository,
    private readonly directory: Directory,
    @Inject(MINIMUM_PARTY_SHARE) private readonly minimumPartySharePercent: number,
  ) {}

  async execute({ input, context }: AddMemberCommand) {
    const memberId = newId(context, 'owners-committee-member');
    const { committeeId, residentId, partyMemberId, role, background } = input;
    const [resident, partyMember] = await Promise.all([
      this.directory.lookUp(residentId),
      partyMemberId ? this.directory.lookUp(partyMemberId) : Promise.resolve(null),
    ]);
    await this.committees.handle(
      committeeId,
      (state) =>
        committeeDecider.decide(
          {
            type: 'AddMember',
            data: {
              committeeId,
              memberId,
              resident,
              role,
              partyMember,
              background,
              minimumPartySharePercent: this.minimumPartySharePercent,
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    return { id: memberId };
  }
}

export class RemoveMemberCommand extends Command<void> {
  constructor(
    readonly input: { committeeId: string; memberId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RemoveMemberCommand)
export class RemoveMemberHandler implements ICommandHandler<RemoveMemberCommand> {
  constructor(
    @InjectRepository(committeeAggregate) private readonly committees: CommitteeRepository,
    @Inject(MINIMUM_PARTY_SHARE) private readonly minimumPartySharePercent: number,
  ) {}

  async execute({ input, context }: RemoveMemberCommand): Promise<void> {
    await this.committees.handle(
      input.committeeId,
      (state) =>
        committeeDecider.decide(
          {
            type: 'RemoveMember',
            data: {
              ...input,
              minimumPartySharePercent: this.minimumPartySharePercent,
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
  }
}
