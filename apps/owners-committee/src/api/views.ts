import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { BACKGROUNDS, COMMITTEE_ROLES } from '../domain/committee';

/* What the read route answers, for the OpenAPI document. */

export class CommitteeMemberView {
  @ApiProperty({ format: 'uuid', description: 'The seat' }) memberId!: string;
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ enum: COMMITTEE_ROLES }) role!: (typeof COMMITTEE_ROLES)[number];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) partyMemberId!: string | null;
  @ApiProperty({ enum: BACKGROUNDS }) background!: (typeof BACKGROUNDS)[number];
  @ApiProperty({ format: 'date-time' }) joinedAt!: string;
}

/** A nullable object inline: a nullable `$ref` would still apply the referred schema to null. */
const NULLABLE_PERSON: ApiPropertyOptions = {
  type: 'object',
  // `required` lists the object's own fields; the property itself is required too.
  selfRequired: true,
  required: ['memberId', 'residentId'],
  properties: {
    memberId: { type: 'string', format: 'uuid', nullable: true },
    residentId: { type: 'string', format: 'uuid', nullable: true },
  },
  nullable: true,
  description: 'The person in that seat, by ids',
};

/** One linkage fact, judged from the seats of the branch covering the compound. */
export class LinkageFactView {
  @ApiProperty({
    enum: ['holds', 'does-not-hold', 'unknown'],
    description: 'unknown: no chair, or nothing heard yet of the covering branch’s seats',
  })
  status!: 'holds' | 'does-not-hold' | 'unknown';
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The covering branch' })
  branchId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The seat that makes it hold' })
  seatId!: string | null;
  @ApiProperty(NULLABLE_PERSON)
  person!: { memberId: string | null; residentId: string | null } | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) since!: string | null;
}

export class CrossAppointmentView {
  @ApiProperty({ type: LinkageFactView, description: 'The chair sits on the branch committee' })
  chair!: LinkageFactView;
  @ApiProperty({ type: LinkageFactView, description: 'A property manager sits on it' })
  propertyManager!: LinkageFactView;
  @ApiProperty({ type: LinkageFactView, description: 'A community police officer sits on it' })
  communityPolice!: LinkageFactView;
}

/** 业主委员会: one committee, its members, its Party share and whether the share is met. */
export class CommitteeEvaluationView {
  @ApiProperty({ format: 'uuid' }) evaluationId!: string;
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty({ example: '2026-Q4' }) period!: string;
  @ApiProperty({ description: 'The mean of the item scores, 0–100' }) meanScore!: number;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class CommitteeSurveyView {
  @ApiProperty({ format: 'uuid' }) surveyId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) closesAt!: string;
  @ApiProperty({ description: 'Responses so far' }) responses!: number;
}

export class CommitteeResponse {
  @ApiProperty({ format: 'uuid' }) committeeId!: string;
  @ApiProperty({ format: 'uuid' }) compoundId!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ format: 'date' }) termStart!: string;
  @ApiProperty({ format: 'date' }) termEnd!: string;
  @ApiProperty({ format: 'date-time' }) formedAt!: string;
  @ApiProperty({ type: [CommitteeMemberView] }) members!: CommitteeMemberView[];
  @ApiProperty({ type: Number, nullable: true, description: 'Seats held by Party members, in percent' })
  partySharePercent!: number | null;
  @ApiProperty({ description: 'The minimum the share was last judged against, in percent' })
  minimumPartySharePercent!: number;
  @ApiProperty({ enum: ['compliant', 'non-compliant'] }) compliance!: 'compliant' | 'non-compliant';
  @ApiProperty({ format: 'date-time', description: 'Since when the committee is (non-)compliant' })
  complianceSince!: string;
  @ApiProperty({ type: LinkageFactView, description: '一肩挑: the chair is the covering branch’s secretary' })
  oneShoulder!: LinkageFactView;
  @ApiProperty({ type: CrossAppointmentView, description: '交叉任职 on the covering branch’s committee' })
  crossAppointment!: CrossAppointmentView;
  @ApiProperty({
    type: [CommitteeEvaluationView],
    description: 'Its evaluations of the property service, newest period first',
  })
  evaluations!: CommitteeEvaluationView[];
  @ApiProperty({
    type: [CommitteeSurveyView],
    description: 'Its surveys of the owners, latest closing first',
  })
  surveys!: CommitteeSurveyView[];
}
