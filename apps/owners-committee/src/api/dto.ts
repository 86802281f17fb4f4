import { ApiProperty } from '@nestjs/swagger';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { BACKGROUNDS, COMMITTEE_ROLES } from '../domain/committee';

/** A calendar day, `YYYY-MM-DD` (a day the month lacks is refused by the domain). */
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class FormCommitteeDto {
  @IsUUID() compoundId!: string;

  @JSONSchema({ description: 'The first day of the term', format: 'date', example: '2025-01-01' })
  @Matches(DAY, { message: 'termStart must be a date, YYYY-MM-DD' })
  termStart!: string;

  @JSONSchema({ description: 'The last day of the term', format: 'date', example: '2029-12-31' })
  @Matches(DAY, { message: 'termEnd must be a date, YYYY-MM-DD' })
  termEnd!: string;
}

export class AddMemberDto {
  @JSONSchema({ description: 'An owner living in the committee’s compound' })
  @IsUUID()
  residentId!: string;

  @JSONSchema({ description: '主任 / 副主任 / 委员' })
  @IsIn(COMMITTEE_ROLES)
  role!: (typeof COMMITTEE_ROLES)[number];

  @JSONSchema({ description: 'The Party member this owner is: it makes the seat a Party member’s' })
  @IsOptional()
  @IsUUID()
  partyMemberId?: string;

  @JSONSchema({ description: 'Party member / 两代表一委员 / 机关企事业单位经历 / other' })
  @IsIn(BACKGROUNDS)
  background!: (typeof BACKGROUNDS)[number];
}

export class IdDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
}
