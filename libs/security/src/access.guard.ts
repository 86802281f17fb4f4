import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { NotFound } from '@cogov/decider';
import { RateLimited } from '@cogov/http';
import { ACCESS_RULE, type AccessRule } from './access-rule';
import { API_KEYS, type ApiKeyService } from './api-keys';
import { AuthFailureLimiter } from './auth-failure-limiter';
import { hasRole, inScope, type Principal } from './principal';
import { TOKEN_VERIFIER, type TokenVerifier } from './tokens';

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
  /** The person named in the command when the caller acts on their behalf. */
  onBehalfOf?: string | null;
}

const UNAUTHORIZED = {
  error: 'unauthorized',
  message: 'authentication required: send a valid bearer token or API key',
  details: null,
};

/**
 * The one place where access is decided, from the rule declared on each route: authenticate
 * (401), role (403), acting as oneself (403), then scope (404, so nobody learns what exists
 * outside theirs). A route without a declared rule is refused.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly modules: ModuleRef,
    @Inject(TOKEN_VERIFIER) private readonly tokens: TokenVerifier,
    @Inject(API_KEYS) private readonly apiKeys: ApiKeyService,
    private readonly failures: AuthFailureLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | 'public' | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(request);
    if (!rule) {
      throw new ForbiddenException({
        error: 'forbidden',
        message: 'this route has no access rule',
        details: null,
      });
    }
    if (!hasRole(principal, rule.roles)) {
      throw new ForbiddenException({
        error: 'forbidden',
        message: 'your roles may not use this route',
        details: { allowedRoles: rule.roles },
      });
    }
    request.principal = principal;
    request.onBehalfOf = this.checkActingPerson(request, principal, rule);
    if (rule.scope) {
      const resolver = this.modules.get(rule.scope, { strict: false });
      const resource = await resolver.resolve(request, principal);
      const what = request.route ? String((request.route as { path?: string }).path) : request.path;
      if (!resource || !inScope(principal, resource)) throw new NotFound('resource', what);
      const ownOnly = rule.ownOnly ?? [];
      const onlyOwn = principal.roles.every((role) => ownOnly.includes(role) || !rule.roles.includes(role));
      if (ownOnly.length > 0 && onlyOwn && resource.ownerId !== principal.personId) {
        throw new NotFound('resource', what);
      }
    }
    return true;
  }

  private async authenticate(request: AuthenticatedRequest): Promise<Principal> {
    const authorization = request.header('authorization');
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : null;
    const apiKey = token === null ? (request.header('x-api-key')?.trim() ?? null) : null;
    let principal: Principal | null = null;
    try {
      if (token !== null) principal = await this.tokens.verify(token);
      else if (apiKey) principal = await this.apiKeys.authenticate(apiKey);
    } catch {
      principal = null; // expired, tampered, wrong issuer or audience: all look the same from outside
    }
    if (principal) return principal;
    const wait = await this.failures.record({
      address: request.ip ?? 'unknown',
      credential: token ?? (apiKey || null),
    });
    if (wait !== null) throw new RateLimited(wait, 'too many failed authentications');
    throw new UnauthorizedException(UNAUTHORIZED);
  }

  private checkActingPerson(request: Request, principal: Principal, rule: AccessRule): string | null {
    if (!rule.actsAs) return null;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const named = body[rule.actsAs.field];
    if (typeof named !== 'string' || named === principal.personId) return null; // validation reports a missing field
    if (hasRole(principal, rule.actsAs.onBehalfOf ?? [])) return named;
    throw new ForbiddenException({
      error: 'forbidden',
      message: `${rule.actsAs.field} must be your own person id`,
      details: { field: rule.actsAs.field },
    });
  }
}
