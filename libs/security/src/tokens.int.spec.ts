import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { JwksTokenVerifier } from './tokens';

/** An identity provider on loopback publishing its keys, as production would have. */
describe('JWKS token verification (external identity provider)', () => {
  let server: Server;
  let jwksUrl: string;
  let sign: (
    claims: Record<string, unknown>,
    options?: { issuer?: string; audience?: string },
  ) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    server = createServer((_, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
    sign = (claims, options = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
        .setSubject('person-7')
        .setIssuer(options.issuer ?? 'https://idp.example')
        .setAudience(options.audience ?? 'cogov-api')
        .setExpirationTime('5m')
        .sign(privateKey);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('accepts the provider’s token and reads person, roles and scope from its claims', async () => {
    const verifier = new JwksTokenVerifier(jwksUrl, 'https://idp.example', 'cogov-api');
    const token = await sign({ roles: ['auditor', 'not-a-role'], communities: ['c1'], compounds: ['k1'] });
    expect(await verifier.verify(token)).toEqual({
      personId: 'person-7',
      roles: ['auditor'],
      streets: [],
      communities: ['c1'],
      compounds: ['k1'],
      companies: [],
      via: 'token',
    });
  });

  it('refuses a token of another issuer or audience', async () => {
    const verifier = new JwksTokenVerifier(jwksUrl, 'https://idp.example', 'cogov-api');
    await expect(
      verifier.verify(await sign({ roles: [] }, { issuer: 'https://evil.example' })),
    ).rejects.toThrow();
    await expect(verifier.verify(await sign({ roles: [] }, { audience: 'other' }))).rejects.toThrow();
  });

  it('refuses a token signed by a key the provider does not publish', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ roles: ['platform-admin'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
      .setSubject('attacker')
      .setIssuer('https://idp.example')
      .setAudience('cogov-api')
      .setExpirationTime('5m')
      .sign(privateKey);
    const verifier = new JwksTokenVerifier(jwksUrl, 'https://idp.example', 'cogov-api');
    await expect(verifier.verify(forged)).rejects.toThrow();
  });
});
