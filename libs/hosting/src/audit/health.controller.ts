import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@cogov/event-store';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@cogov/projections';
import { Access, Public } from '@cogov/security';

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
  ) {}

  @Get('health')
  @Public()
  health() {
    return { status: 'ok' };
  }

  /** How far each read model lags behind the event store. */
  @Get('projections')
  @Access({ roles: ['platform-admin', 'auditor'] })
  async status() {
    const head = await this.store.headPosition();
    return { head, projections: this.projections.status().map((p) => ({ ...p, lag: head - p.position })) };
  }
}
