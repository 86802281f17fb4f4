import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { CommandContext } from '@cogov/event-sourcing';

/** What a request says about itself: who (until authentication names them), and how to trace it. */
export interface RequestMetadata {
  /** `X-Actor-Id`, if the caller named themself; replaced by the authenticated principal later. */
  readonly declaredActorId: string | null;
  readonly correlationId: string;
  readonly requestId: string;
  readonly idempotencyKey: string | null;
}

const HEADER_VALUE = /^[A-Za-z0-9._:-]{1,128}$/;

function header(request: Request, name: string): string | null {
  const value = request.header(name);
  return value && HEADER_VALUE.test(value) ? value : null;
}

export const RequestMeta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMetadata => {
  const request = ctx.switchToHttp().getRequest<Request>();
  return {
    declaredActorId: header(request, 'x-actor-id'),
    correlationId: header(request, 'x-correlation-id') ?? randomUUID(),
    requestId: randomUUID(),
    idempotencyKey: header(request, 'idempotency-key'),
  };
});

/** The command context of an HTTP request, acting as `actorId`. */
export function commandContext(meta: RequestMetadata, actorId: string, now: Date): CommandContext {
  return {
    actorId,
    correlationId: meta.correlationId,
    causationId: meta.requestId,
    ...(meta.idempotencyKey ? { idempotencyKey: meta.idempotencyKey } : {}),
    now,
  };
}
