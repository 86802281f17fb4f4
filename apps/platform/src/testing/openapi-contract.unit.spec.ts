import type { OpenAPIObject } from '@nestjs/swagger';
import { type Exchange, OpenApiContract } from './openapi-contract';

const document: OpenAPIObject = {
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/api/things/{id}': {
      post: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
        },
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          '400': { description: 'bad' },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['size'],
        properties: { size: { type: 'integer', maximum: 5 }, note: { type: 'string', nullable: true } },
        additionalProperties: false,
      },
    },
  },
};

const ID = '9b2f0c1e-0000-4000-8000-000000000000';
const exchange = (overrides: Partial<Exchange>): Exchange => ({
  method: 'POST',
  url: `/api/things/${ID}`,
  headers: {},
  body: { size: 1 },
  status: 200,
  responseBody: { size: 1, note: null },
  ...overrides,
});
const violationsOf = (overrides: Partial<Exchange>) => {
  const contract = new OpenApiContract(document);
  contract.check(exchange(overrides));
  return contract.violations;
};

describe('the OpenAPI contract check', () => {
  it('passes an exchange the document declares', () => expect(violationsOf({})).toEqual([]));

  it('flags an operation the document does not have', () =>
    expect(violationsOf({ method: 'GET' })).toEqual([expect.stringMatching(/no such operation/)]));

  it('flags a request the document refuses that the server accepted', () => {
    expect(violationsOf({ body: { size: 9 } })).toEqual([expect.stringMatching(/accepted a request/)]);
    expect(violationsOf({ url: '/api/things/x' })).toEqual([expect.stringMatching(/accepted a request/)]);
    expect(violationsOf({ body: { size: 1, extra: true } })).toEqual([
      expect.stringMatching(/accepted a request/),
    ]);
  });

  it('lets the server refuse what the document refuses', () =>
    expect(violationsOf({ body: { size: 9 }, status: 400, responseBody: {} })).toEqual([]));

  it('flags a status the operation does not declare', () =>
    expect(violationsOf({ status: 409 })).toEqual([expect.stringMatching(/409 not declared/)]));

  it('flags an answer that does not satisfy its schema', () =>
    expect(violationsOf({ responseBody: { size: 'big' } })).toEqual([
      expect.stringMatching(/response body/),
    ]));
});
