import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { FreeText } from '@cogov/http';
import { SERVICE_LEVEL_TRACKS } from '@cogov/contracts';
import { SUPERVISION_STAGES } from '../domain/supervision-stages';

export class ListSupervisionQueryDto {
  @IsOptional() @IsUUID() communityId?: string;
  /** The matters of orders that fell in this grid. */
  @IsOptional() @IsUUID() gridId?: string;
  @IsOptional() @IsIn(SUPERVISION_STAGES) stage?: string;
  /** The community's three ones, or the deadlines of the departments orders were whistled to. */
  @IsOptional() @IsIn(SERVICE_LEVEL_TRACKS) track?: string;
  /** The matters of one department's track. */
  @IsOptional() @IsUUID() departmentId?: string;
}

export class SupervisionItemResponse {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ format: 'uuid' }) compoundId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The grid the order fell in' })
  gridId!: string | null;
  @ApiProperty({
    enum: SERVICE_LEVEL_TRACKS,
    description: 'The community’s three ones, or a whistled department’s',
  })
  track!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The department, on its track' })
  departmentId!: string | null;
  @ApiProperty({ enum: SUPERVISION_STAGES }) stage!: string;
  @ApiProperty({ example: 'breached', description: '`breached`, `handed-back` or `low-rating`' })
  reason!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) lateByMs!: number | null;
  @ApiProperty({ format: 'date-time' }) raisedAt!: string;
  @ApiProperty({ example: 'open', description: '`open` or `resolved`' }) status!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) supervisorId!: string | null;
  @ApiProperty({ type: 'integer', minimum: 0 }) noteCount!: number;
  @ApiProperty({ type: String, nullable: true }) lastNote!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
}

export class AssignSupervisorDto {
  @IsUUID() supervisorId!: string;
}

export class SupervisionNoteDto {
  @FreeText() @IsString() @Length(1, 1000) note!: string;
}

export class SupervisionItemIdResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class SupervisionListResponse {
  @ApiProperty({ type: [SupervisionItemResponse] }) items!: SupervisionItemResponse[];
}
