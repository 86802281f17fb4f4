import type { TokenClaims } from '@cogov/security';
import type { seedCommunity } from './seed-community';
import type { TestPlatform } from './test-platform';

/**
 * A seeded community's resident places a repair order; the seeded member reviews it (approve, at
 * `priority`); the seeded worker dispatches it to `executor` (a Party member, with their token),
 * who takes, arrives and completes it. Answers the order's id, completed and not yet rated.
 */
export async function walkOrderToCompletion(
  platform: TestPlatform,
  seed: Awaited<ReturnType<typeof seedCommunity>>,
  executor: { readonly memberId: string; readonly claims: TokenClaims },
  priority: 'normal' | 'high' = 'high',
): Promise<string> {
  const resident = await platform.as(seed.resident);
  const reviewer = await platform.as(seed.member);
  const worker = await platform.as(seed.worker);
  const member = await platform.as(executor.claims);
  const { memberId } = executor;
  const orderId = await resident.create('/api/orders', {
    residentId: seed.residentId,
    compoundId: seed.compoundId,
    category: 'repair',
    title: 'Leaking pipe',
    description: 'Water comes through the ceiling',
    channel: 'app',
  });
  await platform.settle();
  await reviewer.expectPost(`/api/orders/${orderId}/review`, {
    reviewerId: seed.memberId,
    decision: 'approve',
    note: 'ok',
    priority,
  });
  await platform.settle();
  await worker.expectPost(`/api/orders/${orderId}/dispatch`, {
    dispatcherId: seed.workerId,
    assigneeKind: 'member',
    assigneeId: memberId,
  });
  await platform.settle();
  await member.expectPost(`/api/orders/${orderId}/take`, { memberId });
  await member.expectPost(`/api/orders/${orderId}/arrival`, { memberId });
  await member.expectPost(`/api/orders/${orderId}/complete`, {
    memberId,
    resultNote: 'Replaced the joint',
    evidence: ['https://evidence.example/joint.jpg'],
  });
  await platform.settle();
  return orderId;
}
