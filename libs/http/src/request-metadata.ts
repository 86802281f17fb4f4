import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { CommandContext } from '@cogov/event-sourcing';

/** What a request says about itself once the access guard has authenticated it. */
export interface RequestMetadata {
  /** The authenticated person (or partner system): the actor of every event the request causes. */
  readonly actorId: string;
  /** The person named in the command when the actor records it on their behalf. */
  readonly onBehalfOf: string | null;
  readonly correlationId: string;
  readonly requestId: string;
  readonly idempotencyKey: string | null;
}

const HEADER_VALUE = /^[A-Za-z0-9._:-]{1,128}$/;

function header(request: Request, name: string): string | null {
  const value = request.header(name);
  return value && HEADER_VALUE.test(value) ? value : null;
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

export const RequestMeta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMetadata => {
  const request = ctx
    .switchToHttp()
    .getRequest<Request & { principal?: { personId: string }; onBehalfOf?: string | null }>();
  if (!request.principal)
    throw new Error('RequestMeta used on a route the access guard did not authenticate');
  return {
    actorId: request.principal.personId,
    onBehalfOf: request.onBehalfOf ?? null,
    correlationId: correlationIdOf(request),
    requestId: randomUUID(),
    idempotencyKey: header(request, 'idempotency-key'),
  };
});

/** The command context of an authenticated HTTP request. */
export function commandContext(meta: RequestMetadata, now: Date): CommandContext {
  return {
    actorId: meta.actorId,
    onBehalfOf: meta.onBehalfOf,
    correlationId: meta.correlationId,
    causationId: meta.requestId,
    ...(meta.idempotencyKey ? { idempotencyKey: meta.idempotencyKey } : {}),
    now,
  };
}
