import type { DynamicModule, ExecutionContext, Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule, type ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type { Request } from 'express';
import { CLOCK, type Clock } from '@cogov/decider';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import {
  DatabaseRateLimitStore,
  JwksTokenVerifier,
  LocalTokenAuthority,
  RateLimitGuard,
  SecurityModule,
  type TokenVerifier,
} from '@cogov/security';
import type { AuthConfig, PlatformConfig } from './config';

/** Authentication, access rules and rate limits, the same in every host. */
export function securityImports(config: Pick<PlatformConfig, 'auth' | 'limits'>): DynamicModule[] {
  return [
    ThrottlerModule.forRootAsync({
      inject: [SQL_DATABASE, CLOCK],
      useFactory: async (db: SqlDatabase, clock: Clock) => ({
        storage: await rateLimitStore(db, clock),
        throttlers: [
          { name: 'all', ttl: 60_000, limit: config.limits.requestsPerMinute },
          // Order intake is what a flood would abuse; every other route skips this throttler.
          {
            name: 'orders',
            ttl: 60_000,
            limit: config.limits.ordersPerMinute,
            skipIf: (ctx: ExecutionContext) => !isOrderIntake(ctx),
          },
        ],
      }),
    }),
    SecurityModule.forRoot({
      tokens: tokenVerifier(config.auth),
      authFailureLimit: config.limits.authFailuresPerMinute,
    }),
  ];
}

export const throttlerGuard: Provider = { provide: APP_GUARD, useClass: RateLimitGuard };

/**
 * Where the limits count (ADR 20). On PostgreSQL, in the database: that is where the processes of
 * the cluster meet, so a limit holds across them. On SQLite, in memory: a SQLite file has one
 * process (the data directory's lock), and memory costs no write per request.
 */
async function rateLimitStore(db: SqlDatabase, clock: Clock): Promise<ThrottlerStorage> {
  return db.dialect === 'postgres' ? DatabaseRateLimitStore.open(db, clock) : new ThrottlerStorageService();
}

export function tokenVerifier(auth: AuthConfig): TokenVerifier {
  return auth.mode === 'local'
    ? new LocalTokenAuthority(auth.secret, auth.issuer, auth.audience)
    : new JwksTokenVerifier(auth.jwksUrl, auth.issuer, auth.audience);
}

function isOrderIntake(context: ExecutionContext): boolean {
  const request = context.switchToHttp().getRequest<Request>();
  return request.method === 'POST' && /^\/api\/orders\/?$/.test(request.path);
}
