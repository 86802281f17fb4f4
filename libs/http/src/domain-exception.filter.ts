import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import createHttpError, { type HttpError } from 'http-errors';
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
    const request = host.switchToHttp().getRequest<Request>();
    const exception = methodNotAllowed(thrown, request) ?? thrown;
    const [status, body] = createHttpError.isHttpError(exception)
      ? intakeRefusal(exception, request)
      : this.toResponse(exception);
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

/** What body-parser adds to the errors it raises (see its README, "Errors"). */
interface BodyParserError extends HttpError {
  readonly type?: string;
  readonly limit?: number;
  readonly encoding?: string;
  readonly charset?: string;
}

/**
 * body-parser refuses a body with an `http-errors` error whose `type` says why; each becomes
 * its 4xx in the one shape. An error without a type is the decompressor's: the body was not
 * what its Content-Encoding said.
 */
function intakeRefusal(httpError: HttpError, request: Request): [number, ErrorBody] {
  const error = httpError as BodyParserError;
  const encoding = request.headers['content-encoding'] ?? null;
  switch (error.type) {
    case 'entity.too.large':
      return [
        HttpStatus.PAYLOAD_TOO_LARGE,
        {
          error: 'payload-too-large',
          message: `the body is larger than ${String(error.limit)} bytes${encoding ? ' once decompressed' : ''}`,
          details: { limitBytes: error.limit },
        },
      ];
    case 'encoding.unsupported':
      return [
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        {
          error: 'unsupported-content-encoding',
          message: `content encoding ${String(error.encoding ?? encoding)} is not supported: send identity, gzip, deflate or br`,
          details: { contentEncoding: error.encoding ?? encoding },
        },
      ];
    case 'charset.unsupported':
      return [
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        {
          error: 'unsupported-charset',
          message: `charset ${String(error.charset)} is not supported: send UTF-8`,
          details: { charset: error.charset },
        },
      ];
    case 'entity.parse.failed':
      return [
        HttpStatus.BAD_REQUEST,
        { error: 'malformed-json', message: 'the body is not valid JSON', details: null },
      ];
    case 'request.aborted':
    case 'request.size.invalid':
      return [
        HttpStatus.BAD_REQUEST,
        { error: 'incomplete-body', message: 'the body ended before its announced length', details: null },
      ];
    case undefined:
      if (error.status < 500 && encoding) {
        return [
          HttpStatus.BAD_REQUEST,
          {
            error: 'malformed-content-encoding',
            message: `the body is not valid ${String(encoding)}`,
            details: { contentEncoding: encoding },
          },
        ];
      }
  }
  if (error.status < 500) {
    return [
      error.status,
      { error: codeFor(error.status), message: error.expose ? error.message : 'bad request', details: null },
    ];
  }
  return [
    HttpStatus.INTERNAL_SERVER_ERROR,
    { error: 'internal-error', message: 'something went wrong on our side', details: null },
  ];
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
    case 415:
      return 'unsupported-media-type';
    case 429:
      return 'too-many-requests';
    default:
      return status >= 500 ? 'internal-error' : 'http-error';
  }
}
