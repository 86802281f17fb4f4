import { ApiProperty } from '@nestjs/swagger';
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

/** 业主委员会: one committee, its members, its Party share and whether the share is met. */
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
}
