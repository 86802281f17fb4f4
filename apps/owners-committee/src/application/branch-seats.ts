import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotYetKnown } from '@cogov/decider';
import type { CommandContext } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import type { Holds, SeatKind } from '../domain/linkage';
import { BranchSeatEntry } from '../infrastructure/branch-seats/branch-seat.entity';

/** Keeps a seat filled on a Party organization's committee (its ids, never the person's name). */
export class RecordSeatFilledCommand extends Command<void> {
  constructor(
    readonly seat: {
      seatId: string;
      branchId: string;
      organizationKind: string;
      communityId: string;
      compoundIds: string[];
      seat: SeatKind;
      holds: Holds | null;
      memberId: string | null;
      residentId: string | null;
      filledAt: string;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordSeatFilledCommand)
export class RecordSeatFilledHandler implements ICommandHandler<RecordSeatFilledCommand> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ seat }: RecordSeatFilledCommand): Promise<void> {
    // An upsert by seat: a redelivered fact writes the same row again.
    await this.db.transaction((m) =>
      m.getRepository(BranchSeatEntry).upsert({ ...seat, vacatedAt: null }, ['seatId']),
    );
  }
}

export class RecordSeatVacatedCommand extends Command<void> {
  constructor(
    readonly seat: { seatId: string; vacatedAt: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordSeatVacatedCommand)
export class RecordSeatVacatedHandler implements ICommandHandler<RecordSeatVacatedCommand> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ seat }: RecordSeatVacatedCommand): Promise<void> {
    const known = await this.db.transaction(async (m) => {
      const seats = m.getRepository(BranchSeatEntry);
      if (!(await seats.findOneBy({ seatId: seat.seatId }))) return false;
      await seats.update({ seatId: seat.seatId }, { vacatedAt: seat.vacatedAt });
      return true;
    });
    // Both facts share the organization's key and arrive in order; a vacancy of a seat not heard
    // of is one whose filling is still on its way (a replay, a rebuilt table): the bus retries it.
    if (!known) throw new NotYetKnown('seat', seat.seatId);
  }
}
