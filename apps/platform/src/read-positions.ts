import type { INestApplication } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@cogov/event-store';
import { INTEGRATION_EVENT_BUS, type InProcessBus } from '@cogov/messaging';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@cogov/projections';

/**
 * How far the embedded platform's followers have read: the store's head, and the lowest
 * position of the consumer groups (all, or only those named) and, unless groups are named, of the
 * projections. The tests' settle, the district seeder and its bench all wait on it.
 */
export async function readPositions(
  app: INestApplication,
  groups?: readonly string[],
): Promise<{ head: number; lowest: number }> {
  const store = app.get<EventStore>(EVENT_STORE);
  const bus = app.get<InProcessBus>(INTEGRATION_EVENT_BUS);
  const head = await store.headPosition();
  const positions = (groups ?? bus.groups()).map((g) => bus.position(g));
  if (!groups)
    positions.push(
      ...app
        .get<ProjectionRunner>(PROJECTION_RUNNER)
        .status()
        .map((p) => p.position),
    );
  return { head, lowest: Math.min(head, ...positions) };
}
