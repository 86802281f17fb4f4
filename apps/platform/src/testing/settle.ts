import type { INestApplication } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@cogov/event-store';
import { readPositions } from '../read-positions';

/**
 * Waits until every consumer group and every projection has handled everything now in the
 * store, and again while handling produced more (a review recorded in one context is a new event
 * for the others). A condition, not a sleep.
 */
export async function settle(app: INestApplication, timeoutMs = 15_000): Promise<void> {
  const store = app.get<EventStore>(EVENT_STORE);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { head, lowest } = await readPositions(app);
    if (lowest >= head) {
      // Nothing new was appended while we looked: settled.
      if ((await store.headPosition()) === head) return;
      continue;
    }
    if (Date.now() > deadline) throw new Error(`not settled within ${timeoutMs} ms (head ${head})`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
