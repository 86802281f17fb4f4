import type { NextFunction, Request, Response } from 'express';
import { correlationIdOf } from '@cogov/http';
import type { Metrics } from './metrics';

/**
 * Every request gets its correlation id answered back (`X-Correlation-Id`) and its latency
 * recorded under the route pattern Express matched (`/api/orders/:id`), never the raw path:
 * ids in labels would grow the series without bound. A path no route matched is `unmatched`.
 */
export function observeRequests(metrics: Metrics) {
  return (request: Request, response: Response, next: NextFunction): void => {
    response.setHeader('X-Correlation-Id', correlationIdOf(request));
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const route = (request.route as { path?: unknown } | undefined)?.path;
      metrics.httpDuration.observe(
        {
          method: request.method,
          route: typeof route === 'string' ? `${request.baseUrl}${route}` : 'unmatched',
          status_code: String(response.statusCode),
        },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    });
    next();
  };
}
