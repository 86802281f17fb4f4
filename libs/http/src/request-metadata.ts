import { createHash, randomUUID } from 'node:crypto';
import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';
import { v5 as uuidv5 } from 'uuid';
import type { CommandContext } from '@cogov/event-sourcing';
import type { ErrorBody } from './error-body';
import { ApiErrors } from './openapi/error-responses';

/** What a request says about itself once the access guard has authenticated it. */
export interface RequestMetadata {
  /** The authenticated person (or partner system): the actor of every event the request causes. */
  readonly actorId: string;
  /** The person named in the command when the actor records it on their behalf. */
  readonly onBehalfOf: string | null;
  readonly correlationId: string;
  /**
   * Random, unless the request carries an Idempotency-Key: then derived from the key's scope, the
   * key and the body, so a retry of the request is the same request (the causation id of its
   * events) and a reuse of the key for another body is not.
   */
  readonly requestId: string;
  readonly idempotencyKey: string | null;
  /** The caller, the method and the path (the command and its target) the key belongs to. */
  readonly idempotencyScope: string | null;
}

const HEADER_VALUE = /^[A-Za-z0-9._:-]{1,128}$/;
const REQUEST_ID_NAMESPACE = 'a3e6b1c4-7d2f-4e9a-8b5c-1f0d3e2a6c97';

function header(request: Request, name: string): string | null {
  const value = request.header(name);
  return value && HEADER_VALUE.test(value) ? value : null;
}

/** A key that is there but malformed would be ignored, and a retry then applied twice: refuse it. */
function idempotencyKeyOf(request: Request): string | null {
  const value = request.header('idempotency-key');
  if (value === undefined) return null;
  if (HEADER_VALUE.test(value)) return value;
  const body: ErrorBody = {
    error: 'validation-failed',
    message: 'invalid request: Idempotency-Key',
    details: [{ field: 'Idempotency-Key', problems: ['must be 1 to 128 letters, digits or . _ : -'] }],
  };
  throw new BadRequestException(body);
}

/** The body as canonical JSON (keys sorted), so equal bodies hash alike whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const CORRELATION_ID = Symbol('correlationId');

/**
 * The request's correlation id: a well-formed incoming `X-Correlation-Id`, else a new one. Kept
 * on the request, so the access log, the response header and the events the request causes all
 * carry the same id.
 */
export function correlationIdOf(request: Request): string {
  const holder = request as Request & { [CORRELATION_ID]?: string };
  return (holder[CORRELATION_ID] ??= header(request, 'x-correlation-id') ?? randomUUID());
}

/**
 * A route that takes the request's metadata runs a command: the document shows its
 * Idempotency-Key and the 409 of a rule, a race or a reused key, wherever the decorator is used.
 */
const declaredAsCommand: ParameterDecorator = (target, key) => {
  if (key === undefined) return;
  const route = Object.getOwnPropertyDescriptor(target, key);
  if (!route) return;
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'The caller’s own key for this command on this target: a retry with the same body is applied once',
    schema: { type: 'string', pattern: HEADER_VALUE.source },
  })(target, key, route);
  ApiErrors(409)(target, key, route);
};

export const RequestMeta = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): RequestMetadata => {
    const request = ctx
      .switchToHttp()
      .getRequest<Request & { principal?: { personId: string }; onBehalfOf?: string | null }>();
    if (!request.principal)
      throw new Error('RequestMeta used on a route the access guard did not authenticate');
    const idempotencyKey = idempotencyKeyOf(request);
    const idempotencyScope = idempotencyKey
      ? `${request.principal.personId} ${request.method} ${request.path}`
      : null;
    return {
      actorId: request.principal.personId,
      onBehalfOf: request.onBehalfOf ?? null,
      correlationId: correlationIdOf(request),
      requestId: idempotencyKey
        ? uuidv5(
            `${idempotencyScope}|${idempotencyKey}|${createHash('sha256')
              .update(canonical(request.body ?? null))
              .digest('hex')}`,
            REQUEST_ID_NAMESPACE,
          )
        : randomUUID(),
      idempotencyKey,
      idempotencyScope,
    };
  },
  [declaredAsCommand],
);

/** The command context of an authenticated HTTP request. */
export function commandContext(meta: RequestMetadata, now: Date): CommandContext {
  return {
    actorId: meta.actorId,
    onBehalfOf: meta.onBehalfOf,
    correlationId: meta.correlationId,
    causationId: meta.requestId,
    ...(meta.idempotencyKey ? { idempotencyKey: meta.idempotencyKey } : {}),
    ...(meta.idempotencyScope ? { idempotencyScope: meta.idempotencyScope } : {}),
    now,
  };
}

/**
 * The metadata of a request keyed by a key its body carries (a CloudEvent's `id`) instead of the
 * `Idempotency-Key` header: scoped and derived exactly as that header is (ADR 14), with `scope`
 * added to the caller, method and path (a CloudEvent's `source`), so the same key twice is one
 * request and the same key with another body is `409 idempotency-key-reused`.
 */
export function keyedByBody(
  meta: RequestMetadata,
  request: { method: string; path: string; body: unknown },
  key: string,
  scope: string,
): RequestMetadata {
  const idempotencyScope = `${meta.actorId} ${request.method} ${request.path} ${scope}`;
  const digest = createHash('sha256')
    .update(canonical(request.body ?? null))
    .digest('hex');
  return {
    ...meta,
    requestId: uuidv5(`${idempotencyScope}|${key}|${digest}`, REQUEST_ID_NAMESPACE),
    idempotencyKey: key,
    idempotencyScope,
  };
}
