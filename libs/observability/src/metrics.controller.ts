import { Controller, Get, Headers, Inject, Res, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public, Unthrottled } from '@cogov/security';
import { METRICS_UNAUTHORIZED, metricsAuthorized } from './metrics-access';
import { Metrics } from './metrics';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './options';

/**
 * `GET /metrics`, outside the `/api` prefix where scrapers look. Past the access guard (a
 * scraper has no person's token); when `METRICS_TOKEN` is set, it checks that bearer itself.
 * Left out of the OpenAPI document: it is for Prometheus, not for API clients.
 */
@ApiExcludeController()
@Controller('metrics')
@Public()
@Unthrottled()
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
  ) {}

  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    if (!metricsAuthorized(this.options.metricsToken, authorization)) {
      throw new UnauthorizedException(METRICS_UNAUTHORIZED);
    }
    const body = await this.metrics.scrape();
    response.setHeader('Content-Type', this.metrics.contentType);
    response.send(body);
  }
}
