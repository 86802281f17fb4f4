import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { SUPERVISION_STAGES } from '../domain/supervision-stages';

export class ListSupervisionQueryDto {
  @IsOptional() @IsUUID() communityId?: string;
  /** Accepted and ignored until grids exist (issue 12, point 1). */
  @IsOptional() @IsUUID() gridId?: string;
  @IsOptional() @IsIn(SUPERVISION_STAGES) stage?: string;
}

export class SupervisionItemResponse {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ format: 'uuid' }) compoundId!: string;
  @ApiProperty({ enum: SUPERVISION_STAGES }) stage!: string;
  @ApiProperty({ example: 'breached', description: '`breached`, `handed-back` or `low-rating`' })
  reason!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) lateByMs!: number | null;
  @ApiProperty({ format: 'date-time' }) raisedAt!: string;
  @ApiProperty({ example: 'open' }) status!: string;
}

export class SupervisionListResponse {
  @ApiProperty({ type: [SupervisionItemResponse] }) items!: SupervisionItemResponse[];
}
