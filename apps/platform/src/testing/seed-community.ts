import type { TokenClaims } from '@cogov/security';

export type ApiCall = (
  claims: TokenClaims,
  method: 'GET' | 'POST',
  route: string,
  body?: object,
) => Promise<{ status: number; body: Record<string, unknown> }>;

export const PLATFORM_ADMIN: TokenClaims = { personId: 'admin', roles: ['platform-admin'] };

/**
 * Repeats a call until it answers the wanted status: in the cluster another process learns of a
 * fact by events, so a call that depends on it may be refused for a moment.
 */
export async function eventually(
  call: ApiCall,
  claims: TokenClaims,
  method: 'GET' | 'POST',
  route: string,
  body: object | undefined,
  status: number,
  pauseMs = 100,
  timeoutMs = 30_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await call(claims, method, route, body);
    if (response.status === status) return response.body;
    if (Date.now() > deadline) {
      throw new Error(
        `${method} ${route} kept answering ${response.status}: ${JSON.stringify(response.body)}`,
      );
    }
    await new Promise((r) => setTimeout(r, pauseMs));
  }
}

/**
 * One community with a compound, a building, a resident, a grid worker, a Party committee, a
 * branch covering the compound and one of its members, created through the API, and the
 * identities of the people who act in the five-order chain. `where` may name the street it lies in.
 */
export async function seedCommunity(call: ApiCall, where: { streetId?: string } = {}) {
  const created = async (route: string, body: object) =>
    (await eventually(call, PLATFORM_ADMIN, 'POST', route, body, 201)).id as string;
  const communityId = await created('/api/communities', { name: 'Seeded community', ...where });
  const compoundId = await created(`/api/communities/${communityId}/compounds`, { name: 'K', address: 'x' });
  const buildingId = await created(`/api/compounds/${compoundId}/buildings`, { name: 'B', number: '1' });
  const residentId = await created('/api/residents', {
    communityId,
    compoundId,
    buildingId,
    name: 'R',
    phone: '13800000000',
    // An owner, so that the owners' committee may seat them.
    tenure: 'owner',
  });
  const workerId = await created(`/api/communities/${communityId}/workers`, {
    name: 'W',
    phone: '13700000000',
    role: 'grid-worker',
  });
  const committeeId = await created('/api/party/organizations', {
    kind: 'community-committee',
    name: 'C',
    communityId,
  });
  const branchId = await created('/api/party/organizations', {
    kind: 'branch',
    name: 'Br',
    communityId,
    parentId: committeeId,
    compoundIds: [compoundId],
  });
  const memberId = await created('/api/party/members', {
    organizationId: branchId,
    name: 'M',
    phone: '13600000000',
    membership: 'registered',
  });
  const communities = [communityId];
  return {
    communityId,
    compoundId,
    buildingId,
    residentId,
    workerId,
    committeeId,
    branchId,
    memberId,
    resident: { personId: residentId, roles: ['resident'], communities } as TokenClaims,
    member: { personId: memberId, roles: ['party-member'], communities } as TokenClaims,
    worker: { personId: workerId, roles: ['residents-committee-staff'], communities } as TokenClaims,
  };
}
