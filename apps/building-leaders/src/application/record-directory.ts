import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@cogov/context-kit';
import type { CommandContext } from '@cogov/event-sourcing';
import { compoundDirectoryDecider, type CompoundDirectoryCommand } from '../domain/compound-directory';
import { partyMemberDirectoryDecider, type RecordPartyMember } from '../domain/party-member-directory';
import { residentDirectoryDecider, type RecordResident } from '../domain/resident-directory';
import {
  compoundDirectoryAggregate,
  type CompoundDirectoryRepository,
  partyMemberDirectoryAggregate,
  type PartyMemberDirectoryRepository,
  residentDirectoryAggregate,
  type ResidentDirectoryRepository,
} from '../infrastructure/aggregates';

/** Records a compound or building the residents' committee published (redeliveries append nothing, ADR 10). */
export class RecordCompoundDirectoryCommand extends Command<void> {
  constructor(
    readonly change: CompoundDirectoryCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordCompoundDirectoryCommand)
export class RecordCompoundDirectoryHandler implements ICommandHandler<RecordCompoundDirectoryCommand> {
  constructor(
    @InjectRepository(compoundDirectoryAggregate) private readonly compounds: CompoundDirectoryRepository,
  ) {}

  async execute({ change, context }: RecordCompoundDirectoryCommand): Promise<void> {
    await this.compounds.handle(
      change.data.compoundId,
      (state) => compoundDirectoryDecider.decide(change, state),
      context,
    );
  }
}

/** Records where a resident the residents' committee published lives. */
export class RecordResidentDirectoryCommand extends Command<void> {
  constructor(
    readonly change: RecordResident,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordResidentDirectoryCommand)
export class RecordResidentDirectoryHandler implements ICommandHandler<RecordResidentDirectoryCommand> {
  constructor(
    @InjectRepository(residentDirectoryAggregate) private readonly residents: ResidentDirectoryRepository,
  ) {}

  async execute({ change, context }: RecordResidentDirectoryCommand): Promise<void> {
    await this.residents.handle(
      change.data.residentId,
      (state) => residentDirectoryDecider.decide(change, state),
      context,
    );
  }
}

/** Records a Party member the Party organization published (id and community only). */
export class RecordPartyMemberDirectoryCommand extends Command<void> {
  constructor(
    readonly change: RecordPartyMember,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordPartyMemberDirectoryCommand)
export class RecordPartyMemberDirectoryHandler implements ICommandHandler<RecordPartyMemberDirectoryCommand> {
  constructor(
    @InjectRepository(partyMemberDirectoryAggregate) private readonly members: PartyMemberDirectoryRepository,
  ) {}

  async execute({ change, context }: RecordPartyMemberDirectoryCommand): Promise<void> {
    await this.members.handle(
      change.data.memberId,
      (state) => partyMemberDirectoryDecider.decide(change, state),
      context,
    );
  }
}
