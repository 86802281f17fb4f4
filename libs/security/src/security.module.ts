import { type DynamicModule, Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerStorage } from '@nestjs/throttler';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { AccessGuard } from './access.guard';
import { API_KEYS, ApiKeyService } from './api-keys';
import { AuthFailureLimiter } from './auth-failure-limiter';
import { PartnerCompanies } from './partner-companies';
import { TOKEN_VERIFIER, type TokenVerifier } from './tokens';

export interface SecurityOptions {
  readonly tokens: TokenVerifier;
  /**
   * Failed authentications per address, and per presented credential, and minute before the
   * failing attempts get 429. Counted in the store of the request throttlers (ThrottlerModule).
   */
  readonly authFailureLimit: number;
}

/** Authentication and authorization for every route of the host, through one global guard. */
@Global()
@Module({})
export class SecurityModule implements OnModuleInit {
  constructor(@Inject(API_KEYS) private readonly keys: ApiKeyService) {}

  static forRoot(options: SecurityOptions): DynamicModule {
    return {
      module: SecurityModule,
      providers: [
        { provide: TOKEN_VERIFIER, useValue: options.tokens },
        { provide: API_KEYS, useFactory: (db: SqlDatabase) => new ApiKeyService(db), inject: [SQL_DATABASE] },
        {
          provide: AuthFailureLimiter,
          useFactory: (store: ThrottlerStorage) => new AuthFailureLimiter(store, options.authFailureLimit),
          inject: [ThrottlerStorage],
        },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: PartnerCompanies, useValue: new PartnerCompanies() },
      ],
      exports: [TOKEN_VERIFIER, API_KEYS, PartnerCompanies],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.keys.ensureSchema();
  }
}
