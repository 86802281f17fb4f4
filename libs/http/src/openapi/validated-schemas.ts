import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { IS_URL } from 'class-validator';
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { ISchemaConverters } from 'class-validator-jsonschema/build/defaultConverters';

/**
 * Schemas of class-validator decorators the library does not know, or maps to a name OpenAPI
 * does not use. A custom decorator made with `registerDecorator({ name })` is found here by that
 * name; without an entry it shows as its property's plain type.
 */
export const SCHEMA_CONVERTERS: ISchemaConverters = {
  [IS_URL]: { type: 'string', format: 'uri' },
};

const OPTIONS = {
  refPointerPrefix: '#/components/schemas/',
  additionalConverters: SCHEMA_CONVERTERS,
};

/**
 * The validation pipe refuses fields a DTO does not declare (`forbidNonWhitelisted`), so the
 * schema says so too.
 */
function closed(schema: SchemaObject): SchemaObject {
  return { ...schema, additionalProperties: false };
}

/** The schema of a DTO, generated from the class-validator decorators that validate it. */
export function validatedSchema(dto: new () => object): SchemaObject {
  return closed(targetConstructorToSchema(dto, OPTIONS) as SchemaObject);
}

/** The schema of every class class-validator knows, by class name (as @nestjs/swagger names them). */
export function validatedSchemas(): Record<string, SchemaObject> {
  const schemas = validationMetadatasToSchemas(OPTIONS) as Record<string, SchemaObject>;
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, closed(schema)]));
}

/**
 * Declares the query parameters a route validates with `dto`, each with its schema from the
 * class-validator decorators. (@nestjs/swagger would read them from @ApiProperty copies.)
 */
export function ApiQueryFrom(dto: new () => object): MethodDecorator {
  const schema = validatedSchema(dto);
  const required = new Set(schema.required ?? []);
  return applyDecorators(
    ...Object.entries(schema.properties ?? {}).map(([name, property]) =>
      ApiQuery({ name, required: required.has(name), schema: property }),
    ),
  );
}
