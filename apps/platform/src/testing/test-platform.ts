import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { DatabaseConfig } from '@cogov/persistence';
import { createPlatformApp } from '../create-app';
import { settle } from './settle';

/** The embedded platform on a database of the test's choosing, with helpers for its API. */
export class TestPlatform {
  private constructor(readonly app: INestApplication) {}

  static async start(database: DatabaseConfig): Promise<TestPlatform> {
    const app = await createPlatformApp(database, { logger: false });
    await app.init();
    return new TestPlatform(app);
  }

  http() {
    return request(this.app.getHttpServer() as Parameters<typeof request>[0]);
  }

  /** POSTs and expects `status`; returns the body. */
  async post(path: string, body: object, status = 201): Promise<Record<string, unknown>> {
    const response = await this.http().post(path).send(body);
    if (response.status !== status) {
      throw new Error(
        `POST ${path} answered ${response.status}, expected ${status}: ${JSON.stringify(response.body)}`,
      );
    }
    return response.body as Record<string, unknown>;
  }

  async create(path: string, body: object): Promise<string> {
    const created = await this.post(path, body, 201);
    return created.id as string;
  }

  async get(path: string, status = 200): Promise<Record<string, unknown>> {
    const response = await this.http().get(path);
    if (response.status !== status) {
      throw new Error(
        `GET ${path} answered ${response.status}, expected ${status}: ${JSON.stringify(response.body)}`,
      );
    }
    return response.body as Record<string, unknown>;
  }

  settle(): Promise<void> {
    return settle(this.app);
  }

  async stop(): Promise<void> {
    await this.app.close();
  }
}
