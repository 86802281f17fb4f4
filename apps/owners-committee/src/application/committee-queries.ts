import { InjectRepository } from '@cogov/context-kit';
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@cogov/decider';
import { type CommitteeFormed, type Seat, partySharePercent } from '../domain/committee';
import { committeeAggregate, type CommitteeRepository } from '../infrastructure/aggregates';
import { MINIMUM_PARTY_SHARE } from './minimum-party-share';

export type CommitteeView = CommitteeFormed['data'] & {
  members: Seat[];
  partySharePercent: number | null;
  minimumPartySharePercent: number;
  compliance: 'compliant' | 'non-compliant';
  complianceSince: string;
};

export class GetCommitteeQuery extends Query<CommitteeView> {
  constructor(readonly committeeId: string) {
    super();
  }
}

/** One committee as its stream has it: the members, the Party share and its compliance. */
@QueryHandler(GetCommitteeQuery)
export class GetCommitteeHandler implements IQueryHandler<GetCommitteeQuery> {
  constructor(
    @InjectRepository(committeeAggregate) private readonly committees: CommitteeRepository,
    @Inject(MINIMUM_PARTY_SHARE) private readonly minimumPartySharePercent: number,
  ) {}

  async execute({ committeeId }: GetCommitteeQuery): Promise<CommitteeView> {
    const { state } = await this.committees.load(committeeId);
    if (state.status !== 'formed') throw new NotFound('owners committee', committeeId);
    const { compliance } = state;
    return {
      committeeId,
      compoundId: state.compoundId,
      communityId: state.communityId,
      termStart: state.termStart,
      termEnd: state.termEnd,
      formedAt: state.formedAt,
      members: state.seats.map((s) => ({ ...s })),
      partySharePercent: partySharePercent(state.seats),
      minimumPartySharePercent: compliance.minimumPartySharePercent ?? this.minimumPartySharePercent,
      compliance: compliance.compliant ? 'compliant' : 'non-compliant',
      complianceSince: compliance.since,
    };
  }
}
