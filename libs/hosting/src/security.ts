import type { DynamicModule, ExecutionContext, Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { Request } from 'express';
import { JwksTokenVerifier, LocalTokenAuthority, SecurityModule, type TokenVerifier } from '@cogov/security';
import type { AuthConfig, PlatformConfig } from './config';

/** Authentication, access rules and rate limits, the same in every host. */
export function securityImports(config: Pick<PlatformConfig, 'auth' | 'limits'>): DynamicModule[] {
  return [
    ThrottlerModule.forRoot({
      throttlers: [
        { name: 'all', ttl: 60_000, limit: config.limits.requestsPerMinute },
        // Order intake is what a flood would abuse; every other route skips this throttler.
        {
          name: 'orders',
          ttl: 60_000,
          limit: config.limits.ordersPerMinute,
          skipIf: (ctx) => !isOrderIntake(ctx),
        },
      ],
    }),
    SecurityModule.forRoot({
      tokens: tokenVerifier(config.auth),
      authFailureLimit: config.limits.authFailuresPerMinute,
    }),
  ];
}

export const throttlerGuard: Provider = { provide: APP_GUARD, useClass: ThrottlerGuard };

export function tokenVerifier(auth: AuthConfig): TokenVerifier {
  return auth.mode === 'local'
    ? new LocalTokenAuthority(auth.secret, auth.issuer, auth.audience)
    : new JwksTokenVerifier(auth.jwksUrl, auth.issuer, auth.audience);
}

function isOrderIntake(context: ExecutionContext): boolean {
  const request = context.switchToHttp().getRequest<Request>();
  return request.method === 'POST' && /^\/api\/orders\/?$/.test(request.path);
}
