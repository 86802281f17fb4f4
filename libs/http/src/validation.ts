import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ErrorBody } from './error-body';

export interface FieldProblem {
  readonly field: string;
  readonly problems: string[];
}

/**
 * Validates request bodies and queries with class-validator. Unknown fields are refused, so a
 * typo is not silently ignored; every bad field is named in `details`.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const body: ErrorBody = {
        error: 'validation-failed',
        message: `invalid request: ${details.map((d) => d.field).join(', ')}`,
        details,
      };
      return new BadRequestException(body);
    },
  });
}

function flatten(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
