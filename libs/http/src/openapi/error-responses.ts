import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The name of the one error shape in `components.schemas`; every 4xx response refers to it. */
export const ERROR_BODY_SCHEMA_NAME = 'ErrorBody';

/** `ErrorBody` (error-body.ts) as a schema. */
export const ERROR_BODY_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'The one shape of every error the API returns',
  required: ['error', 'message', 'details'],
  properties: {
    error: {
      type: 'string',
      description: 'A stable, machine-readable code',
      example: 'validation-failed',
    },
    message: { type: 'string', description: 'A sentence for a person' },
    details: {
      description: 'What went wrong in detail: the bad fields, the entity and id, or null',
    },
  },
};

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429;

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds to wait before asking again',
    schema: { type: 'integer', minimum: 0 },
  },
} as const;

const ERROR_RESPONSES: Record<ErrorStatus, { description: string; headers?: typeof RETRY_AFTER }> = {
  400: { description: 'The request is malformed or a field is invalid; `details` names each field' },
  401: { description: 'No valid bearer token or API key' },
  403: { description: 'The caller’s roles may not use this route, or it acts as someone else' },
  404: { description: 'Not found, or outside the caller’s scope (indistinguishable on purpose)' },
  409: {
    description:
      'A rule of the domain refuses the command, a concurrent change won, an Idempotency-Key was reused for another body, or a fact it names is not known yet (with Retry-After)',
    headers: RETRY_AFTER,
  },
  413: { description: 'The body is larger than the limit' },
  415: { description: 'The body is not JSON, or not in UTF-8' },
  429: { description: 'Too many requests from this client', headers: RETRY_AFTER },
};

/** The error responses a route can answer, each with the one error schema. */
export function ApiErrors(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        ...ERROR_RESPONSES[status],
        schema: { $ref: `#/components/schemas/${ERROR_BODY_SCHEMA_NAME}` },
      }),
    ),
  );
}

export function errorResponse(status: ErrorStatus) {
  return {
    ...ERROR_RESPONSES[status],
    content: {
      'application/json': { schema: { $ref: `#/components/schemas/${ERROR_BODY_SCHEMA_NAME}` } },
    },
  };
}
