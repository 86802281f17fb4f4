import { InjectRepository } from '@cogov/context-kit';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { type Membership, memberDecider, type MemberOrganization } from '../domain/member';
import { branchIdOf } from '../domain/organization';
import {
  type MemberRepository,
  type OrganizationRepository,
  memberAggregate,
  organizationAggregate,
} from '../infrastructure/aggregates';

export class RegisterMemberCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { organizationId: string; name: string; phone: string; membership: Membership },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterMemberCommand)
export class RegisterMemberHandler implements ICommandHandler<RegisterMemberCommand> {
  constructor(
    @InjectRepository(organizationAggregate) private readonly organizations: OrganizationRepository,
    @InjectRepository(memberAggregate) private readonly members: MemberRepository,
  ) {}

  async execute({ input, context }: RegisterMemberCommand) {
    const memberId = newId(context, 'member');
    const { organizationId, ...rest } = input;
    const { state } = await this.organizations.load(organizationId);
    const organization: MemberOrganization =
      state.status === 'absent'
        ? { exists: false, organizationId }
        : {
            exists: true,
            organizationId,
            kind: state.kind,
            communityId: state.communityId,
            branchId: branchIdOf(state),
          };
    await this.members.handle(
      memberId,
      (member) =>
        memberDecider.decide(
          {
            type: 'RegisterMember',
            data: { ...rest, memberId, organization, now: context.now.toISOString() },
          },
          member,
        ),
      context,
    );
    return { id: memberId };
  }
}
