import { Controller, Get, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck } from '@nestjs/terminus';
import { Public, Unthrottled } from '@cogov/security';
import { HealthCheckFailureFilter } from './health-failure.filter';
import { Readiness } from './readiness';

/**
 * Probes for an orchestrator. Public, because a kubelet carries no token, and never throttled:
 * a flood from one address must not make the probes fail and the process be restarted.
 */
@ApiTags('operations')
@Controller('health')
@Public()
@Unthrottled()
@UseFilters(HealthCheckFailureFilter)
export class ProbesController {
  constructor(private readonly readiness: Readiness) {}

  @Get('live')
  @HealthCheck()
  @ApiOperation({ operationId: 'liveness', summary: 'Liveness: the process answers' })
  live() {
    return this.readiness.live();
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    operationId: 'readiness',
    summary:
      'Readiness: database reachable, Kafka broker reachable (Kafka hosts), every projection within READY_MAX_PROJECTION_LAG events of the store head',
  })
  @ApiOkResponse({ description: 'ready' })
  @ApiServiceUnavailableResponse({ description: 'not ready; terminus body names what is down' })
  ready() {
    return this.readiness.ready();
  }
}
