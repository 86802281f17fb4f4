import {
  CommitteeEvaluationRow,
  CommitteeSurveyRow,
} from '../infrastructure/activity/committee-activity.entity';
import { InjectRepository } from '@cogov/context-kit';
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@cogov/decider';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { type CommitteeFormed, type Seat, partySharePercent } from '../domain/committee';
import { type BranchSeat, type Holds, type Linkage, type SeatKind, linkage } from '../domain/linkage';
import { BranchSeatEntry } from '../infrastructure/branch-seats/branch-seat.entity';
import { committeeAggregate, type CommitteeRepository } from '../infrastructure/aggregates';
import { MINIMUM_PARTY_SHARE } from './minimum-party-share';

export type CommitteeView = CommitteeFormed['data'] & {
  members: Seat[];
  partySharePercent: number | null;
  minimumPartySharePercent: number;
  compliance: 'compliant' | 'non-compliant';
  complianceSince: string;
  /** What the committee did as the owners' voice: its evaluations of the property service, its surveys. */
  evaluations: Array<{
    evaluationId: string;
    companyId: string;
    period: string;
    meanScore: number;
    recordedAt: string;
  }>;
  surveys: Array<{ surveyId: string; title: string; closesAt: string; responses: number }>;
} & Linkage;

export class GetCommitteeQuery extends Query<CommitteeView> {
  constructor(readonly committeeId: string) {
    super();
  }
}

/**
 * One committee as its stream has it (the members, the Party share and its compliance), with its
 * evaluations and surveys as the projections have them.
 */
@QueryHandler(GetCommitteeQuery)
export class GetCommitteeHandler implements IQueryHandler<GetCommitteeQuery> {
  constructor(
    @InjectRepository(committeeAggregate) private readonly committees: CommitteeRepository,
    @Inject(MINIMUM_PARTY_SHARE) private readonly minimumPartySharePercent: number,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  async execute({ committeeId }: GetCommitteeQuery): Promise<CommitteeView> {
    const { state } = await this.committees.load(committeeId);
    if (state.status !== 'formed') throw new NotFound('owners committee', committeeId);
    const { compliance } = state;
    const chair = state.seats.find((s) => s.role === 'chair') ?? null;
    // Only a branch covers compounds; the community committee's seats tell nothing of this one.
    const rows = await this.db.readSource
      .getRepository(BranchSeatEntry)
      .findBy({ communityId: state.communityId, organizationKind: 'branch' });
    const seats: BranchSeat[] = rows.map((r) => ({
      seatId: r.seatId,
      branchId: r.branchId,
      compoundIds: r.compoundIds,
      seat: r.seat as SeatKind,
      holds: r.holds as Holds | null,
      memberId: r.memberId,
      residentId: r.residentId,
      filledAt: r.filledAt,
      vacatedAt: r.vacatedAt,
    }));
    const [evaluations, surveys] = await Promise.all([
      this.db.readSource
        .getRepository(CommitteeEvaluationRow)
        .find({ where: { committeeId }, order: { period: 'DESC', recordedAt: 'DESC' } }),
      this.db.readSource
        .getRepository(CommitteeSurveyRow)
        .find({ where: { committeeId }, order: { closesAt: 'DESC', surveyId: 'ASC' } }),
    ]);
    return {
      ...linkage(state.compoundId, chair, seats),
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
      evaluations: evaluations.map(({ evaluationId, companyId, period, meanScore, recordedAt }) => ({
        evaluationId,
        companyId,
        period,
        meanScore,
        recordedAt,
      })),
      surveys: surveys.map(({ surveyId, title, closesAt, responses }) => ({
        surveyId,
        title,
        closesAt,
        responses,
      })),
    };
  }
}
