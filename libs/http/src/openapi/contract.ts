import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import {
  ERROR_BODY_SCHEMA,
  ERROR_BODY_SCHEMA_NAME,
  type ErrorStatus,
  errorResponse,
} from './error-responses';
import { validatedSchemas } from './validated-schemas';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/**
 * The document @nestjs/swagger builds, made the contract:
 * - every request model's schema is generated from the class-validator decorators that validate
 *   it (formats, lengths, patterns, enums, bounds, `additionalProperties: false`, what is
 *   optional), replacing the one @nestjs/swagger read from @ApiProperty;
 * - the error schema is in `components.schemas`;
 * - each operation declares the 4xx its shape implies: a body can be invalid (400), too large
 *   (413) or not JSON (415); a parameter can be invalid (400); an id in the path can name
 *   nothing (404). What its access rule implies (401, 403, 429, a scope's 404) and what a
 *   command implies (409, the Idempotency-Key) come from `@Access` and `@RequestMeta`;
 * - an operation that declares no security scheme is public, and says so (`security: []`).
 */
export function completeContract(document: OpenAPIObject): OpenAPIObject {
  const schemas = { ...document.components?.schemas };
  for (const [name, schema] of Object.entries(validatedSchemas())) {
    if (name in schemas) schemas[name] = schema;
  }
  schemas[ERROR_BODY_SCHEMA_NAME] = ERROR_BODY_SCHEMA;
  const paths = Object.fromEntries(
    Object.entries(document.paths).map(([path, item]) => {
      const completed = { ...item };
      for (const method of METHODS) {
        const operation = item[method];
        if (operation) completed[method] = completeOperation(operation);
      }
      return [path, completed];
    }),
  );
  return { ...document, paths, components: { ...document.components, schemas } };
}

function completeOperation(operation: OperationObject): OperationObject {
  const parameters = (operation.parameters ?? []).filter(isParameter);
  const implied: ErrorStatus[] = [
    ...(operation.requestBody ? ([400, 413, 415] as const) : []),
    ...(parameters.length > 0 ? ([400] as const) : []),
    ...(parameters.some((p) => p.in === 'path') ? ([404] as const) : []),
  ];
  const responses = { ...operation.responses };
  for (const status of implied) responses[status] ??= errorResponse(status);
  return {
    ...operation,
    responses: sortedByStatus(responses),
    security: operation.security ?? [],
  };
}

function isParameter(parameter: ParameterObject | ReferenceObject): parameter is ParameterObject {
  return 'in' in parameter;
}

function sortedByStatus<T>(responses: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}
