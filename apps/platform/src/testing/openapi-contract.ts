import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenAPIObject, OperationObject, ParameterObject } from '@nestjs/swagger';

/** One request the test sent and the answer it got, as the client saw them. */
export interface Exchange {
  readonly method: string;
  /** Path and query, e.g. `/api/orders?stage=closed`. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
  readonly status: number;
  readonly responseBody: unknown;
}

interface Route {
  readonly template: string;
  readonly pattern: RegExp;
  readonly parameterNames: string[];
}

const DOCUMENT_ID = 'openapi.json';

/**
 * Checks exchanges against the OpenAPI document: the operation is declared, its parameters and
 * body satisfy their schemas unless the server refused the request (a 2xx for a request the
 * document refuses is a violation: a client generated from it could not send what the server
 * takes), the status is declared and the body satisfies that response's schema.
 */
export class OpenApiContract {
  readonly violations: string[] = [];
  readonly checked: Exchange[] = [];
  private readonly ajv: Ajv;
  /** Query and header values arrive as strings: checked the way the validation pipe reads them. */
  private readonly parameters: Ajv;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenAPIObject) {
    // Not strict: the schemas carry OpenAPI's own keywords (`example`), which JSON Schema lacks.
    this.ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
    this.ajv.addSchema(document, DOCUMENT_ID);
    this.parameters = addFormats(new Ajv({ strict: false, allErrors: true, coerceTypes: true }));
    this.parameters.addSchema(document, DOCUMENT_ID);
    this.routes = Object.keys(document.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`),
      parameterNames: [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!),
    }));
  }

  check(exchange: Exchange): void {
    this.checked.push(exchange);
    const url = new URL(exchange.url, 'http://contract.test');
    const method = exchange.method.toLowerCase() as 'get' | 'post' | 'delete';
    const found = this.routes
      .map((route) => ({ route, match: route.pattern.exec(url.pathname) }))
      .find(({ route, match }) => match && this.document.paths[route.template]?.[method]);
    const name = `${exchange.method} ${exchange.url} → ${exchange.status}`;
    if (!found?.match) {
      this.violations.push(`${name}: no such operation in the document`);
      return;
    }
    const operationPointer = `#/paths/${pointer(found.route.template)}/${method}`;
    const operation = this.document.paths[found.route.template]![method]!;
    const pathValues = Object.fromEntries(
      found.route.parameterNames.map((param, i) => [param, decodeURIComponent(found.match![i + 1]!)]),
    );
    const refused = this.requestProblems(operation, operationPointer, exchange, url, pathValues);
    if (refused.length > 0 && exchange.status < 400) {
      this.violations.push(`${name}: accepted a request the document refuses: ${refused.join('; ')}`);
    }
    this.violations.push(
      ...this.responseProblems(operation, operationPointer, exchange).map((p) => `${name}: ${p}`),
    );
  }

  private requestProblems(
    operation: OperationObject,
    operationPointer: string,
    exchange: Exchange,
    url: URL,
    pathValues: Record<string, string>,
  ): string[] {
    const problems: string[] = [];
    const declared = (operation.parameters ?? []) as ParameterObject[];
    const valueOf = (parameter: ParameterObject): string | undefined => {
      if (parameter.in === 'path') return pathValues[parameter.name];
      if (parameter.in === 'query') return url.searchParams.get(parameter.name) ?? undefined;
      if (parameter.in === 'header') return exchange.headers[parameter.name.toLowerCase()];
      return undefined;
    };
    declared.forEach((parameter, index) => {
      const value = valueOf(parameter);
      if (value === undefined) {
        if (parameter.required) problems.push(`${parameter.in} parameter ${parameter.name} missing`);
        return;
      }
      const holder = { value };
      const validate = this.validator(
        this.parameters,
        `${operationPointer}/parameters/${index}/schema`,
        (schema) => ({ type: 'object', properties: { value: schema } }),
      );
      if (!validate(holder)) problems.push(`${parameter.name}: ${this.ajv.errorsText(validate.errors)}`);
    });
    for (const name of url.searchParams.keys()) {
      if (!declared.some((p) => p.in === 'query' && p.name === name)) {
        problems.push(`query parameter ${name} not declared`);
      }
    }
    const body = operation.requestBody as { required?: boolean; content?: object } | undefined;
    if (exchange.body === undefined) {
      if (body?.required) problems.push('request body missing');
    } else if (!body) {
      problems.push('a request body where none is declared');
    } else {
      const validate = this.validator(
        this.ajv,
        `${operationPointer}/requestBody/content/${pointer('application/json')}/schema`,
      );
      if (!validate(exchange.body)) problems.push(`body: ${this.ajv.errorsText(validate.errors)}`);
    }
    return problems;
  }

  private responseProblems(
    operation: OperationObject,
    operationPointer: string,
    exchange: Exchange,
  ): string[] {
    const status = String(exchange.status);
    const response = operation.responses[status] as { content?: Record<string, unknown> } | undefined;
    if (!response)
      return [`status ${status} not declared (declared: ${Object.keys(operation.responses).join(', ')})`];
    if (!response.content?.['application/json']) {
      const empty =
        exchange.responseBody === undefined ||
        exchange.responseBody === '' ||
        (typeof exchange.responseBody === 'object' &&
          exchange.responseBody !== null &&
          Object.keys(exchange.responseBody).length === 0);
      return empty ? [] : ['a response body where none is declared'];
    }
    const validate = this.validator(
      this.ajv,
      `${operationPointer}/responses/${status}/content/${pointer('application/json')}/schema`,
    );
    return validate(exchange.responseBody)
      ? []
      : [
          `response body: ${this.ajv.errorsText(validate.errors)} in ${JSON.stringify(exchange.responseBody)}`,
        ];
  }

  private validator(
    ajv: Ajv,
    schemaPointer: string,
    wrap: (schema: object) => object = (schema) => schema,
  ): ValidateFunction {
    const key = `${ajv === this.ajv ? 'body' : 'parameter'} ${schemaPointer}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = ajv.compile(wrap({ $ref: `${DOCUMENT_ID}${schemaPointer}` }));
      this.validators.set(key, validate);
    }
    return validate;
  }
}

/** A JSON pointer segment (RFC 6901). */
function pointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
