/** The roles tokens and API keys may carry. */
export const ROLES = [
  'platform-admin',
  'party-staff',
  'residents-committee-staff',
  'owners-committee-staff',
  'property-staff',
  'building-leader',
  'service-station-staff',
  'party-member',
  /** Staff of a government department called in by a whistle; scoped by the `streets` claim of its street. */
  'department-staff',
  'resident',
  'partner-system',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who is calling, once authenticated, and where they may act. */
export interface Principal {
  /** The person (or, for a partner system, `partner:<companyId>`). Recorded as the actor of events. */
  readonly personId: string;
  readonly roles: readonly Role[];
  readonly streets: readonly string[];
  readonly communities: readonly string[];
  readonly compounds: readonly string[];
  /** The property companies a `property-staff` works for (the `companies` claim). */
  readonly companies?: readonly string[];
  readonly via: 'token' | 'api-key';
  /** For partner systems: the property company the key belongs to. */
  readonly companyId?: string;
  /** For partner systems: the key it authenticated with (what it set up dies with the key). */
  readonly keyId?: string;
}

/** Where a resource lives, as a route's scope resolver finds it. */
export interface ResourceScope {
  readonly communityId: string | null;
  readonly compoundId: string | null;
  /** The street (街道) a resource lies in, where its resolver knows it: a street-scoped caller sees it. */
  readonly streetId?: string | null;
  /** The resident a resource belongs to, for rules that let residents see only their own. */
  readonly ownerId?: string | null;
  /** The property company a resource belongs to: its staff and its partner key see it. */
  readonly companyId?: string | null;
  /**
   * The request names its resource in a malformed way (not a UUID, missing): the scope cannot be
   * found, and validation will answer 400 naming the field, before anything is read or written.
   */
  readonly deferredToValidation?: boolean;
}

export const DEFERRED_TO_VALIDATION: ResourceScope = {
  communityId: null,
  compoundId: null,
  deferredToValidation: true,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A request value that could be an id; anything else is left to validation. */
export function idOrNull(value: unknown): string | null {
  return typeof value === 'string' && UUID.test(value) ? value : null;
}

export function hasRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}

/**
 * A platform admin sees everything; others see what lies in one of their streets, communities or
 * compounds.
 */
export function inScope(principal: Principal, resource: ResourceScope): boolean {
  if (resource.deferredToValidation || principal.roles.includes('platform-admin')) return true;
  if (resource.communityId && principal.communities.includes(resource.communityId)) return true;
  if (resource.streetId && principal.streets.includes(resource.streetId)) return true;
  if (resource.companyId && worksFor(principal, resource.companyId)) return true;
  return resource.compoundId !== null && principal.compounds.includes(resource.compoundId);
}

/** The caller is staff of the company (the `companies` claim) or its partner system's key. */
export function worksFor(principal: Principal, companyId: string): boolean {
  return (principal.companies ?? []).includes(companyId) || principal.companyId === companyId;
}

/**
 * Where a caller may look: everywhere, or in their communities and compounds, and what concerns
 * the property companies they work for (an order dispatched to one, say).
 */
export type VisibleScope =
  | 'everywhere'
  | { readonly communityIds: string[]; readonly compoundIds: string[]; readonly companyIds: string[] };

/**
 * The one statement of who sees what in a list, matching {@link inScope}: a platform admin
 * everything, anyone else what lies in one of their communities or compounds.
 */
export function visibleScope(principal: Principal): VisibleScope {
  if (principal.roles.includes('platform-admin')) return 'everywhere';
  const companyIds = new Set([
    ...(principal.companies ?? []),
    ...(principal.companyId ? [principal.companyId] : []),
  ]);
  return {
    communityIds: [...principal.communities],
    compoundIds: [...principal.compounds],
    companyIds: [...companyIds],
  };
}
