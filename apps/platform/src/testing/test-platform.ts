import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { DatabaseConfig } from '@cogov/persistence';
import { LocalTokenAuthority, type TokenClaims } from '@cogov/security';
import { DEFAULT_AUDIENCE, LOCAL_ISSUER, type PlatformConfig } from '@cogov/hosting';
import { createPlatformApp } from '../create-app';
import { settle } from './settle';

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

  private constructor(readonly app: INestApplication) {}

  static async start(
    database: DatabaseConfig,
    limits: Partial<PlatformConfig['limits']> = {},
  ): Promise<TestPlatform> {
    const app = await createPlatformApp(testConfig(database, limits), { logger: false });
    await app.init();
    return new TestPlatform(app);
  }

  http() {
    return request(this.app.getHttpServer() as Parameters<typeof request>[0]);
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
