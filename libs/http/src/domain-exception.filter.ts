import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ConcurrencyConflict, DomainError, InvalidInput, NotFound, NotYetKnown } from '@cogov/decider';
import { InconsistentRetry, WrongExpectedRevision } from '@cogov/event-store';
import type { ErrorBody } from './error-body';
import { MethodNotAllowed, methodNotAllowed } from './method-not-allowed';
import { RateLimited } from './rate-limited';

/**
 * How long a caller should wait before retrying a command that named a fact not delivered yet:
 * integration events usually cross in milliseconds, and a second covers a busy bus.
 */
export const NOT_YET_KNOWN_RETRY_AFTER_SECONDS = 1;

/** Maps every error to one JSON shape; domain errors by type, nothing translated in controllers. */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(thrown: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const exception = methodNotAllowed(thrown, host.switchToHttp().getRequest<Request>()) ?? thrown;
    const [status, body] = this.toResponse(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    // Not the caller's mistake and not final: say when to ask again.
    if (exception instanceof NotYetKnown) {
      response.setHeader('Retry-After', String(NOT_YET_KNOWN_RETRY_AFTER_SECONDS));
    }
    if (exception instanceof RateLimited) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    if (exception instanceof MethodNotAllowed) response.setHeader('Allow', exception.allowed.join(', '));
    response.status(status).json(body);
  }

  private toResponse(exception: unknown): [number, ErrorBody] {
    if (exception instanceof NotFound) return [HttpStatus.NOT_FOUND, body(exception)];
    if (exception instanceof InvalidInput) return [HttpStatus.BAD_REQUEST, body(exception)];
    if (exception instanceof DomainError) return [HttpStatus.CONFLICT, body(exception)];
    if (exception instanceof WrongExpectedRevision || exception instanceof InconsistentRetry) {
      const conflict = new ConcurrencyConflict(exception.streamId, 1);
      return [HttpStatus.CONFLICT, body(conflict)];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (isErrorBody(response)) return [status, response];
      const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const message = typeof raw === 'string' ? raw : Array.isArray(raw) ? raw.join('; ') : exception.message;
      return [status, { error: codeFor(status), message, details: null }];
    }
    return [
      HttpStatus.INTERNAL_SERVER_ERROR,
      { error: 'internal-error', message: 'something went wrong on our side', details: null },
    ];
  }
}

function body(error: DomainError): ErrorBody {
  return { error: error.code, message: error.message, details: error.details };
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error' in value &&
    'message' in value &&
    'details' in value
  );
}

function codeFor(status: number): string {
  switch (status) {
    case 400:
      return 'bad-request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 413:
      return 'payload-too-large';
    case 429:
      return 'too-many-requests';
    default:
      return status >= 500 ? 'internal-error' : 'http-error';
  }
}
