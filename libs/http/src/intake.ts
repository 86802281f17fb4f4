import type { IncomingMessage } from 'node:http';
import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import createHttpError from 'http-errors';
import type { ErrorBody } from './error-body';
import type { FieldProblem } from './field-problem';

/** The largest body accepted, after any decompression: far above any command, far below harm. */
export const BODY_LIMIT_BYTES = 100 * 1024;

/**
 * How deeply a body may nest objects and arrays. Commands are flat (a list of ids at most);
 * the limit leaves room for nested ones and stops a 2,000-deep array long before anything
 * recursive (class-transformer, class-validator) walks it.
 */
export const MAX_NESTING_DEPTH = 16;

/**
 * Keys that would reach an object's prototype if anything ever merged the body: refused like
 * any unknown field, at any depth, instead of silently dropped.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The media types read as JSON. CloudEvents in structured mode (`POST /api/partner/events`) come
 * as `application/cloudevents+json`, which is JSON with a name of its own.
 */
export const JSON_MEDIA_TYPES: readonly string[] = ['application/json', 'application/cloudevents+json'];
const NOT_UTF8 = Symbol('bodyNotUtf8');
const utf8 = new TextDecoder('utf-8', { fatal: true });

type IntakeRequest = IncomingMessage & { [NOT_UTF8]?: boolean };

/** The part of an Express application the intake needs (Nest's NestExpressApplication has it). */
export interface IntakeHost {
  useBodyParser(type: 'json', options: Record<string, unknown>): unknown;
  use(handler: (request: Request, response: Response, next: NextFunction) => void): unknown;
}

/**
 * The one hardened intake of every host: JSON only, UTF-8 only, at most {@link BODY_LIMIT_BYTES}
 * (compressed bodies are inflated against the same limit), then, before any validation, a
 * JSON object nested at most {@link MAX_NESTING_DEPTH} deep with no prototype keys and no
 * bytes that are not UTF-8. body-parser's own refusals (`http-errors` with a `type`) are
 * answered by the exception filter.
 */
export function useHardenedIntake(app: IntakeHost): void {
  app.useBodyParser('json', {
    limit: BODY_LIMIT_BYTES,
    type: [...JSON_MEDIA_TYPES],
    inflate: true,
    strict: true,
    verify: checkEncoding,
  });
  app.use(inspectBody);
}

/**
 * body-parser accepts any `utf-*` charset and decodes bad bytes to U+FFFD; here the charset
 * must be UTF-8 and the bytes are checked as they arrived. A body with bad bytes is parsed
 * anyway, so that the inspection can name the fields that hold them.
 */
function checkEncoding(request: IntakeRequest, _response: unknown, bytes: Buffer, charset: string): void {
  if (charset.toLowerCase() !== 'utf-8' && charset.toLowerCase() !== 'utf8') {
    throw createHttpError(415, `unsupported charset "${charset}": send UTF-8`, {
      charset,
      type: 'charset.unsupported',
    });
  }
  try {
    utf8.decode(bytes);
  } catch {
    request[NOT_UTF8] = true;
  }
}

function hasBody(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length']) > 0;
}

function inspectBody(request: Request, _response: Response, next: NextFunction): void {
  if (!BODY_METHODS.has(request.method) || !hasBody(request)) return next();
  if (request.body === undefined) {
    const refusal: ErrorBody = {
      error: 'unsupported-media-type',
      message: 'send the body as application/json',
      details: { contentType: request.headers['content-type'] ?? null },
    };
    return next(new UnsupportedMediaTypeException(refusal));
  }
  const body: unknown = request.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return next(refuse([{ field: 'body', problems: ['must be a JSON object'] }]));
  }
  const problems = structureProblems(body, (request as IntakeRequest)[NOT_UTF8] === true);
  next(problems.length > 0 ? refuse(problems) : undefined);
}

/**
 * Walks the parsed body with a stack of its own (never the call stack): too deep, prototype
 * keys, and — when the bytes were not UTF-8 — the strings that hold the replacement character.
 */
export function structureProblems(root: object, notUtf8 = false): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: Array<[path: string, value: unknown, depth: number]> = [['', root, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [path, value, depth] = next;
    if (typeof value === 'string') {
      if (notUtf8 && value.includes('\uFFFD'))
        problems.push({ field: path, problems: ['is not valid UTF-8'] });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_NESTING_DEPTH) {
      return [{ field: path, problems: [`nests deeper than ${MAX_NESTING_DEPTH} levels`] }];
    }
    for (const [key, child] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) problems.push({ field, problems: [`property ${key} should not exist`] });
      else if (notUtf8 && key.includes('\uFFFD')) problems.push({ field, problems: ['is not valid UTF-8'] });
      else pending.push([field, child, depth + 1]);
    }
  }
  if (notUtf8 && problems.length === 0) problems.push({ field: 'body', problems: ['is not valid UTF-8'] });
  return problems;
}

export function refuse(details: FieldProblem[]): BadRequestException {
  const body: ErrorBody = {
    error: 'validation-failed',
    message: `invalid request: ${details.map((d) => d.field).join(', ')}`,
    details,
  };
  return new BadRequestException(body);
}
