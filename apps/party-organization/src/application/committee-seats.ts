import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { type Holds, type PersonLookup, type SeatKind, organizationDecider } from '../domain/organization';
import {
  type MemberRepository,
  type OrganizationRepository,
  memberAggregate,
  organizationAggregate,
} from '../infrastructure/aggregates';
import { CommunityDirectoryEntry } from '../infrastructure/directory/community-directory.entity';

export class FillSeatCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      organizationId: string;
      personName: string;
      memberId: string | null;
      residentId: string | null;
      seat: SeatKind;
      holds: Holds | null;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(FillSeatCommand)
export class FillSeatHandler implements ICommandHandler<FillSeatCommand> {
  constructor(
    @InjectRepository(organizationAggregate) private readonly organizations: OrganizationRepository,
    @InjectRepository(memberAggregate) private readonly members: MemberRepository,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  async execute({ input, context }: FillSeatCommand) {
    const seatId = newId(context, 'committee-seat');
    const { organizationId, personName, memberId, residentId, seat, holds } = input;
    const [member, resident] = await Promise.all([
      memberId ? this.member(memberId) : Promise.resolve(null),
      residentId ? this.resident(residentId) : Promise.resolve(null),
    ]);
    await this.organizations.handle(
      organizationId,
      (state) =>
        organizationDecider.decide(
          {
            type: 'FillSeat',
            data: {
              organizationId,
              seatId,
              personName,
              member,
              resident,
              seat,
              holds,
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    return { id: seatId };
  }

  private async member(id: string): Promise<PersonLookup> {
    const { state } = await this.members.load(id);
    if (state.status === 'absent') return { id, known: false };
    const { communityId, organizationId, branchId } = state;
    return { id, known: true, communityId, organizationId, branchId };
  }

  private async resident(id: string): Promise<PersonLookup> {
    const entry = await this.db.readSource
      .getRepository(CommunityDirectoryEntry)
      .findOneBy({ id, kind: 'resident' });
    if (!entry) return { id, known: false };
    return { id, known: true, communityId: entry.communityId, organizationId: null, branchId: null };
  }
}

export class VacateSeatCommand extends Command<void> {
  constructor(
    readonly input: { organizationId: string; seatId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(VacateSeatCommand)
export class VacateSeatHandler implements ICommandHandler<VacateSeatCommand> {
  constructor(
    @InjectRepository(organizationAggregate) private readonly organizations: OrganizationRepository,
  ) {}

  async execute({ input, context }: VacateSeatCommand): Promise<void> {
    const { organizationId, seatId } = input;
    await this.organizations.handle(
      organizationId,
      (state) =>
        organizationDecider.decide(
          { type: 'VacateSeat', data: { organizationId, seatId, now: context.now.toISOString() } },
          state,
        ),
      context,
    );
  }
}
