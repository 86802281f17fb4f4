import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@cogov/http';
import { EVENT_STORE, type EventStore } from '@cogov/event-store';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@cogov/projections';
import { Access, Public } from '@cogov/security';

export class HealthResponse {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

export class ProjectionStatusView {
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ type: 'integer', description: 'The last global position applied' }) position!: number;
  @ApiProperty({ type: 'integer', description: 'Events of the store it has not applied yet' }) lag!: number;
}

export class ProjectionsResponse {
  @ApiProperty({ type: 'integer', description: 'The store’s last global position' }) head!: number;
  @ApiProperty({ type: [ProjectionStatusView] }) projections!: ProjectionStatusView[];
}

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
  ) {}

  @Get('health')
  @Public()
  @ApiOperation({ operationId: 'health', summary: 'The API answers' })
  @ApiOkResponse({ type: HealthResponse })
  // Public, but rate-limited like every route that is not a probe.
  @ApiErrors(429)
  health() {
    return { status: 'ok' };
  }

  /** How far each read model lags behind the event store. */
  @Get('projections')
  @Access({ roles: ['platform-admin', 'auditor'] })
  @ApiOperation({
    operationId: 'projectionsStatus',
    summary: 'How far each read model lags behind the store',
  })
  @ApiOkResponse({ type: ProjectionsResponse })
  async status() {
    const head = await this.store.headPosition();
    return { head, projections: this.projections.status().map((p) => ({ ...p, lag: head - p.position })) };
  }
}
