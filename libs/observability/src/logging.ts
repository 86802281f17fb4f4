import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';
import type { Params } from 'nestjs-pino';
import pino, { type Logger as PinoInstance } from 'pino';
import { correlationIdOf } from '@cogov/http';
import { currentLogContext } from '@cogov/log-context';
import type { ObservabilityOptions } from './options';

const PROBES = /^\/(api\/health(\/|$)|metrics(\/|\?|$))/;

/**
 * One JSON object per line. A line written while a consumer handles an integration event gets
 * that event's `correlationId` and `eventId` (from the log context the bus sets); a line
 * written while serving a request gets the request's `correlationId` from pino-http's bindings.
 */
export function createPino(logs: Exclude<ObservabilityOptions['logs'], false>): PinoInstance {
  const options = {
    level: logs.level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => ({ ...currentLogContext() }),
    // The access line carries the request headers: credentials must never reach a log.
    redact: {
      paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'],
      censor: '[redacted]',
    },
  };
  return logs.destination ? pino(options, logs.destination) : pino(options);
}

export function pinoParams(logger: PinoInstance): Params {
  return {
    pinoHttp: {
      logger,
      // The access line carries the whole request; the lines before it only its correlation id.
      quietReqLogger: true,
      genReqId: (request: IncomingMessage) => correlationIdOf(request as Request),
      customProps: (request: IncomingMessage) => ({ correlationId: correlationIdOf(request as Request) }),
      // Probes every few seconds would drown the access log.
      autoLogging: { ignore: (request: IncomingMessage) => PROBES.test(request.url ?? '') },
    },
  };
}
