import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import type { CommandContext } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { memberDecider, type ReportInDecision } from '../domain/member';
import { memberAggregate, type MemberRepository } from '../infrastructure/aggregates';
import { CommunityDirectoryEntry } from '../infrastructure/directory/community-directory.entity';

/** 双报到: an in-service member reports in to the community where they live. */
export class ReportInCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      memberId: string;
      communityId: string;
      workUnit: string;
      workUnitOrganization: string;
      address: string;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReportInCommand)
export class ReportInHandler implements ICommandHandler<ReportInCommand> {
  constructor(
    @InjectRepository(memberAggregate) private readonly members: MemberRepository,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  async execute({ input, context }: ReportInCommand) {
    const community = await this.db.readSource
      .getRepository(CommunityDirectoryEntry)
      .findOneBy({ id: input.communityId, kind: 'community' });
    await this.members.handle(
      input.memberId,
      (member) =>
        memberDecider.decide(
          {
            type: 'ReportIn',
            data: { ...input, communityKnown: community !== null, now: context.now.toISOString() },
          },
          member,
        ),
      context,
    );
    return { id: input.memberId };
  }
}

/** The community Party committee confirms or declines a member's pending report-in. */
export class DecideReportInCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { memberId: string; decision: ReportInDecision; reason: string | null },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(DecideReportInCommand)
export class DecideReportInHandler implements ICommandHandler<DecideReportInCommand> {
  constructor(@InjectRepository(memberAggregate) private readonly members: MemberRepository) {}

  async execute({ input, context }: DecideReportInCommand) {
    await this.members.handle(
      input.memberId,
      (member) =>
        memberDecider.decide(
          {
            type: 'DecideReportIn',
            data: { ...input, decidedBy: context.actorId, now: context.now.toISOString() },
          },
          member,
        ),
      context,
    );
    return { id: input.memberId };
  }
}
