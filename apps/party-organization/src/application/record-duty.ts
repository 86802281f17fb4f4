import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v5 as uuidv5 } from 'uuid';
import { PAIRING_FLAGS } from '@cogov/contracts';
import { InjectRepository, directoryOf } from '@cogov/context-kit';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import type { Member } from '../domain/member';
import {
  type DutyItem,
  type DutyMember,
  type PairingResident,
  memberDutiesDecider,
  yearOfDay,
} from '../domain/member-duties';
import {
  memberAggregate,
  memberDutiesAggregate,
  type MemberDutiesRepository,
  type MemberRepository,
} from '../infrastructure/aggregates';
import { CommunityDirectoryEntry } from '../infrastructure/directory/community-directory.entity';
import { ResidentFlagsEntry } from '../infrastructure/directory/resident-flags.entity';

/** Keeps a resident's care flags as the residents' committee last set them. */
export const { Record: RecordResidentFlagsCommand, Handler: RecordResidentFlagsHandler } = directoryOf(
  ResidentFlagsEntry,
  'residentId',
  { newerBy: ['setAt'] },
);

const MEMBER_DUTIES_NAMESPACE = '3b8f0d2c-6a4e-4f1b-9c7d-5e2a1f0b8d63';

/** The stream of a member's duties of one year. */
export const memberDutiesId = (memberId: string, year: number): string =>
  uuidv5(`${memberId}|${year}`, MEMBER_DUTIES_NAMESPACE);

export function dutyMemberOf(memberId: string, state: Member): DutyMember {
  return state.status === 'absent'
    ? { exists: false, memberId }
    : {
        exists: true,
        memberId,
        organizationId: state.organizationId,
        branchId: state.branchId,
        communityId: state.communityId,
        reportedInCommunityId: state.reportIn?.status === 'confirmed' ? state.reportIn.communityId : null,
      };
}

export class RecordDutyCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      memberId: string;
      year: number;
      item: DutyItem;
      date: string;
      note: string | null;
      residentId: string | null;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Party staff record one of a member's "4+1" items of a year. */
@CommandHandler(RecordDutyCommand)
export class RecordDutyHandler implements ICommandHandler<RecordDutyCommand> {
  constructor(
    @InjectRepository(memberAggregate) private readonly members: MemberRepository,
    @InjectRepository(memberDutiesAggregate) private readonly duties: MemberDutiesRepository,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  async execute({ input, context }: RecordDutyCommand) {
    const dutyId = newId(context, 'duty');
    const member = dutyMemberOf(input.memberId, (await this.members.load(input.memberId)).state);
    const resident = input.residentId === null ? null : await this.resident(input.residentId);
    await this.duties.handle(
      memberDutiesId(input.memberId, input.year),
      (state) =>
        memberDutiesDecider.decide(
          {
            type: 'RecordDuty',
            data: {
              dutyId,
              member,
              year: input.year,
              item: input.item,
              date: input.date,
              note: input.note,
              residentId: input.residentId,
              resident,
              recordedBy: context.actorId,
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    return { id: dutyId };
  }

  /** The resident's flags; a resident published without any has none; an unheard-of one is not known. */
  private async resident(residentId: string): Promise<PairingResident> {
    const flagged = await this.db.readSource.getRepository(ResidentFlagsEntry).findOneBy({ residentId });
    const pairingFlags = [...PAIRING_FLAGS];
    if (flagged) {
      const flags = flagged.flags === '' ? [] : flagged.flags.split(',');
      return { known: true, residentId, communityId: flagged.communityId, flags, pairingFlags };
    }
    const registered = await this.db.readSource
      .getRepository(CommunityDirectoryEntry)
      .findOneBy({ id: residentId, kind: 'resident' });
    return registered
      ? { known: true, residentId, communityId: registered.communityId, flags: [], pairingFlags }
      : { known: false, residentId };
  }
}

/**
 * A volunteer activity the residents' committee confirmed: each participant who is a Party member
 * here has it as the volunteer day of its date's year. Others (residents, volunteers) are not ours.
 */
export class CreditVolunteerActivityCommand extends Command<void> {
  constructor(
    readonly input: {
      activityId: string;
      communityId: string;
      title: string;
      date: string;
      hours: number;
      participantIds: readonly string[];
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(CreditVolunteerActivityCommand)
export class CreditVolunteerActivityHandler implements ICommandHandler<CreditVolunteerActivityCommand> {
  constructor(
    @InjectRepository(memberAggregate) private readonly members: MemberRepository,
    @InjectRepository(memberDutiesAggregate) private readonly duties: MemberDutiesRepository,
  ) {}

  async execute({ input, context }: CreditVolunteerActivityCommand): Promise<void> {
    const year = yearOfDay(input.date);
    for (const participantId of new Set(input.participantIds)) {
      const { state } = await this.members.load(participantId);
      if (state.status === 'absent') continue;
      // The fact's key, per member: each member's stream gets ids of its own, the same on redelivery.
      const own: CommandContext = { ...context, idempotencyScope: `member:${participantId}` };
      const dutyId = newId(own, 'volunteer-day');
      await this.duties.handle(
        memberDutiesId(participantId, year),
        (duties) =>
          memberDutiesDecider.decide(
            {
              type: 'CreditVolunteerActivity',
              data: {
                dutyId,
                member: dutyMemberOf(participantId, state),
                activityId: input.activityId,
                activityCommunityId: input.communityId,
                title: input.title,
                date: input.date,
                hours: input.hours,
                now: context.now.toISOString(),
              },
            },
            duties,
          ),
        own,
      );
    }
  }
}
