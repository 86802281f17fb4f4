import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { DatabaseConfig } from '@cogov/persistence';
import { LocalTokenAuthority, type TokenClaims } from '@cogov/security';
import { DEFAULT_AUDIENCE, LOCAL_ISSUER, type PlatformConfig } from '@cogov/hosting';
import { createPlatformApp } from '../create-app';
import type { Exchange } from './openapi-contract';
import { settle } from './settle';

// The "three ones" sweep runs when a test calls it, at the time the test sets: a timer on the
// wall clock would append breaches whenever a suite's orders outlived their deadlines (or a suite
// moved the clock), between any two of its assertions. A suite that wants the timer sets it.
process.env.SERVICE_LEVEL_SWEEP_MS ??= '0';

export const TEST_SECRET = 'test-signing-secret-that-is-long-enough-0123456789';

export function testConfig(database: DatabaseConfig, limits: Partial<PlatformConfig['limits']> = {}) {
  return {
    database,
    auth: { mode: 'local', secret: TEST_SECRET, issuer: LOCAL_ISSUER, audience: DEFAULT_AUDIENCE } as const,
    corsOrigins: [],
    limits: {
      requestsPerMinute: 100_000,
      ordersPerMinute: 100_000,
      authFailuresPerMinute: 100_000,
      ...limits,
    },
  };
}

/** The embedded platform on a database of the test's choosing, with helpers for its API. */
export class TestPlatform {
  readonly tokens = new LocalTokenAuthority(TEST_SECRET, LOCAL_ISSUER, DEFAULT_AUDIENCE);

  private constructor(
    readonly app: INestApplication,
    private readonly observe: ((exchange: Exchange) => void) | null,
  ) {}

  /** `observe` sees every request sent through `http()` and the clients, with its answer. */
  static async start(
    database: DatabaseConfig,
    limits: Partial<PlatformConfig['limits']> = {},
    observe: ((exchange: Exchange) => void) | null = null,
  ): Promise<TestPlatform> {
    const app = await createPlatformApp(testConfig(database, limits), { logger: false });
    await app.init();
    return new TestPlatform(app, observe);
  }

  http() {
    const client = request(this.app.getHttpServer() as Parameters<typeof request>[0]);
    const observe = this.observe;
    if (!observe) return client;
    return new Proxy(client, {
      get(target, verb, receiver) {
        const open: unknown = Reflect.get(target, verb, receiver);
        if (typeof verb !== 'string' || !OBSERVED_VERBS.has(verb) || typeof open !== 'function') return open;
        return (url: string) => {
          const test = (open as (url: string) => request.Test).call(target, url);
          test.on('response', (response: request.Response) => observe(exchangeOf(test, response)));
          return test;
        };
      },
    });
  }

  /** A client that calls the API as the given person, with a real signed token. */
  async as(claims: TokenClaims): Promise<ApiClient> {
    return new ApiClient(this, `Bearer ${await this.tokens.issue(claims)}`);
  }

  settle(): Promise<void> {
    return settle(this.app);
  }

  async stop(): Promise<void> {
    await this.app.close();
  }
}

const OBSERVED_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** What superagent keeps of the request it sent (its own fields, not typed). */
interface SentRequest {
  readonly method: string;
  readonly url: string;
  readonly _data?: unknown;
  readonly _header: Record<string, string | undefined>;
}

function exchangeOf(test: request.Test, response: request.Response): Exchange {
  const sent = test as unknown as SentRequest;
  const url = new URL(sent.url);
  return {
    method: sent.method,
    url: `${url.pathname}${url.search}`,
    headers: sent._header,
    body: sent._data,
    status: response.status,
    responseBody: response.body as unknown,
  };
}

export class ApiClient {
  constructor(
    private readonly platform: TestPlatform,
    readonly authorization: string,
  ) {}

  post(path: string, body: object) {
    return this.platform.http().post(path).set('Authorization', this.authorization).send(body);
  }

  get(path: string) {
    return this.platform.http().get(path).set('Authorization', this.authorization);
  }

  /** POSTs and expects `status`; returns the body. */
  async expectPost(path: string, body: object, status = 200): Promise<Record<string, unknown>> {
    const response = await this.post(path, body);
    if (response.status !== status) {
      throw new Error(
        `POST ${path} answered ${response.status}, expected ${status}: ${JSON.stringify(response.body)}`,
      );
    }
    return response.body as Record<string, unknown>;
  }

  async create(path: string, body: object): Promise<string> {
    return (await this.expectPost(path, body, 201)).id as string;
  }

  async read(path: string, status = 200): Promise<Record<string, unknown>> {
    const response = await this.get(path);
    if (response.status !== status) {
      throw new Error(
        `GET ${path} answered ${response.status}, expected ${status}: ${JSON.stringify(response.body)}`,
      );
    }
    return response.body as Record<string, unknown>;
  }
}
