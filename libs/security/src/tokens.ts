import { createRemoteJWKSet, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { isRole, type Principal } from './principal';

/** Verifies a bearer token and says who it names; throws on anything wrong with it. */
export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

export const TOKEN_VERIFIER = Symbol('TokenVerifier');

export interface TokenClaims {
  readonly personId: string;
  readonly roles: readonly string[];
  readonly streets?: readonly string[];
  readonly communities?: readonly string[];
  readonly compounds?: readonly string[];
  readonly companies?: readonly string[];
}

/** The claims we read: `sub`, and the arrays `roles`, `streets`, `communities`, `compounds`, `companies`. */
function principalFrom(payload: JWTPayload): Principal {
  const list = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  if (!payload.sub) throw new Error('token has no subject');
  return {
    personId: payload.sub,
    roles: list(payload.roles).filter(isRole),
    streets: list(payload.streets),
    communities: list(payload.communities),
    compounds: list(payload.compounds),
    companies: list(payload.companies),
    via: 'token',
  };
}

/**
 * The embedded default signs its own tokens (HS256 with a secret of at least 32 bytes), so a
 * newcomer can call the API without an identity provider.
 */
export class LocalTokenAuthority implements TokenVerifier {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    readonly issuer: string,
    readonly audience: string,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(claims: TokenClaims, expiresIn: string | number = '8h'): Promise<string> {
    return new SignJWT({
      roles: [...claims.roles],
      streets: [...(claims.streets ?? [])],
      communities: [...(claims.communities ?? [])],
      compounds: [...(claims.compounds ?? [])],
      companies: [...(claims.companies ?? [])],
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.personId)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(this.key);
  }

  async verify(token: string): Promise<Principal> {
    const { payload } = await jwtVerify(token, this.key, {
      issuer: this.issuer,
      audience: this.audience,
      algorithms: ['HS256'],
    });
    return principalFrom(payload);
  }
}

/** Production: tokens of an external identity provider, checked against its published keys. */
export class JwksTokenVerifier implements TokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(
    jwksUrl: string,
    private readonly issuer: string,
    private readonly audience: string,
  ) {
    this.keys = createRemoteJWKSet(new URL(jwksUrl));
  }

  async verify(token: string): Promise<Principal> {
    const { payload } = await jwtVerify(token, this.keys, {
      issuer: this.issuer,
      audience: this.audience,
      algorithms: ['RS256', 'ES256', 'PS256', 'EdDSA'],
    });
    return principalFrom(payload);
  }
}
