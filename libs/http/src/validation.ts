import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldProblem } from './field-problem';
import { refuse, structureProblems } from './intake';
import { textProblems } from './text';

export type { FieldProblem } from './field-problem';

/**
 * Validates request bodies and queries with class-validator. Unknown fields are refused, so a
 * typo is not silently ignored; every bad field is named in `details`. Before that, every
 * string is checked for characters no field may hold (see `FreeText`), and a query for
 * prototype keys (a body was checked by the intake). After it, a body field that the DTO's
 * `@Type` converted is refused: a body says what it means in JSON (`4`, not `"4"` or `true`);
 * only query strings, which have no types, are converted.
 */
class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => refuse(flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const checked = metadata.type === 'body' || metadata.type === 'query';
    if (checked && value !== null && typeof value === 'object') {
      const problems = [
        ...(metadata.type === 'query' ? structureProblems(value) : []),
        ...textProblems(value, metadata.metatype),
      ];
      if (problems.length > 0) throw refuse(problems);
    }
    const transformed: unknown = await super.transform(value, metadata);
    if (metadata.type === 'body') {
      const converted = conversions(value, transformed);
      if (converted.length > 0) throw refuse(converted);
    }
    return transformed;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe();
}

function jsonType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** The top-level fields whose JSON value the transformation changed into another type. */
function conversions(plain: unknown, transformed: unknown): FieldProblem[] {
  if (
    plain === null ||
    typeof plain !== 'object' ||
    transformed === null ||
    typeof transformed !== 'object'
  ) {
    return [];
  }
  const result = transformed as Record<string, unknown>;
  return Object.entries(plain).flatMap(([field, sent]) => {
    const kept = result[field];
    if (
      sent === null ||
      typeof sent === 'object' ||
      kept === undefined ||
      jsonType(kept) === jsonType(sent)
    ) {
      return [];
    }
    return [{ field, problems: [`${field} must be a JSON ${jsonType(kept)}, not a ${jsonType(sent)}`] }];
  });
}

function flatten(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
