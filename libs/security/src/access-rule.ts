import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  SetMetadata,
  type Type,
} from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiErrors } from '@cogov/http';
import type { Principal, ResourceScope, Role } from './principal';

/** Finds where the resource a request touches lives; null when it does not exist (→ 404). */
export interface ScopeResolver {
  resolve(request: Request, principal: Principal): Promise<ResourceScope | null>;
}

export interface AccessRule {
  /** Roles allowed to call the route at all; others get 403. */
  readonly roles: readonly Role[];
  /**
   * How to find the resource's community/compound; out of the caller's scope answers 404, so
   * the caller cannot learn that it exists. Omit only for routes that touch no scoped resource.
   */
  readonly scope?: Type<ScopeResolver>;
  /** Roles that see only their own resources (the resolver's `ownerId`), e.g. residents. */
  readonly ownOnly?: readonly Role[];
  /**
   * The body field naming the person the command is done as (`reviewerId`, `raterId` …). It must
   * be the caller, unless the caller has one of `onBehalfOf` roles: then both are recorded.
   */
  readonly actsAs?: { readonly field: string; readonly onBehalfOf?: readonly Role[] };
}

export const ACCESS_RULE = 'cogov:access-rule';

/** The security schemes of the OpenAPI document: a bearer JWT, and a partner system's API key. */
export const BEARER_SCHEME = 'bearer';
export const PARTNER_KEY_SCHEME = 'partner-key';

/** Only a partner system's key authenticates as `partner-system`. */
const PARTNER_ROLE: Role = 'partner-system';

/**
 * Declares who may call a route; enforced by the one AccessGuard. The document shows the same
 * rule: the schemes that authenticate for it, and what the guard answers (401 without a valid
 * token or key, 403 for another role or acting as someone else, 429 after repeated failures or
 * too many requests, 404 outside the caller's scope).
 */
export const Access = (rule: AccessRule) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, rule),
    ApiBearerAuth(BEARER_SCHEME),
    ...(rule.roles.includes(PARTNER_ROLE) ? [ApiSecurity(PARTNER_KEY_SCHEME)] : []),
    ApiErrors(401, 403, 429, ...(rule.scope ? ([404] as const) : [])),
  );

/** No authentication: health and the OpenAPI page only. */
export const Public = () => SetMetadata(ACCESS_RULE, 'public');

/** The authenticated principal of the request (routes behind the access guard only). */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<{ principal?: Principal }>().principal;
  if (!principal) throw new Error('Caller used on a route the access guard did not authenticate');
  return principal;
});
