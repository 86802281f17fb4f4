import { type DynamicModule, type ExecutionContext, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { Request } from 'express';
import { JwksTokenVerifier, LocalTokenAuthority, SecurityModule, type TokenVerifier } from '@cogov/security';
import { PartyOrganizationModule } from '../../party-organization/src/party-organization.module';
import { ResidentsCommitteeModule } from '../../residents-committee/src/residents-committee.module';
import { HealthController } from './audit/health.controller';
import { StreamsController, StreamScope } from './audit/streams.controller';
import type { AuthConfig, PlatformConfig } from './config';
import { EmbeddedInfrastructureModule } from './embedded-infrastructure.module';

export type PlatformModuleConfig = Pick<PlatformConfig, 'database' | 'auth' | 'limits'>;

/** The embedded platform: every context in one process over one database and the in-process bus. */
@Module({})
export class PlatformModule {
  static embedded(config: PlatformModuleConfig, options: { startWorkers?: boolean } = {}): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        CqrsModule.forRoot(),
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
        EmbeddedInfrastructureModule.forRoot({
          database: config.database,
          entities: [...ResidentsCommitteeModule.entities, ...PartyOrganizationModule.entities],
          ...options,
        }),
        SecurityModule.forRoot({
          tokens: tokenVerifier(config.auth),
          authFailureLimit: config.limits.authFailuresPerMinute,
        }),
        ResidentsCommitteeModule,
        PartyOrganizationModule,
      ],
      controllers: [StreamsController, HealthController],
      providers: [StreamScope, { provide: APP_GUARD, useClass: ThrottlerGuard }],
    };
  }
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
