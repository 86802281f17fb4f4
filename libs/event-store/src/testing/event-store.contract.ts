import { randomUUID } from 'node:crypto';
import {
  type EventStore,
  InconsistentRetry,
  type NewEvent,
  type RecordedEvent,
  WrongExpectedRevision,
} from '../event-store.port';

export interface EventStoreUnderTest {
  readonly store: EventStore;
  close(): Promise<void>;
}

/**
 * The promises every event-store adapter keeps. Each adapter's spec calls this with a factory
 * that yields a fresh, empty store.
 */
export function eventStoreContract(name: string, open: () => Promise<EventStoreUnderTest>): void {
  describe(`event store contract: ${name}`, () => {
    let subject: EventStoreUnderTest;
    let store: EventStore;

    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(() => subject.close());

    const stream = (prefix = 'contract') => `${prefix}-${randomUUID()}`;

    it('stores every field and metadata, revisions from 0, positions increasing', async () => {
      const id = stream();
      const first = event(
        'Placed',
        { title: 'leaking pipe', floors: [3, 4] },
        { actorId: 'resident-1', onBehalfOf: 'resident-9' },
      );
      const second = event('Reviewed', { decision: 'approve' });
      const result = await store.appendToStream(id, [first, second], { expectedRevision: 'no-stream' });
      expect(result).toMatchObject({ nextExpectedRevision: 1, written: true });

      const read = await store.readStream(id);
      expect(read.map((e) => e.streamRevision)).toEqual([0, 1]);
      expect(read[0]).toMatchObject({
        eventId: first.eventId,
        type: 'Placed',
        schemaVersion: 1,
        streamId: id,
        data: { title: 'leaking pipe', floors: [3, 4] },
        metadata: first.metadata,
      });
      expect(read[0]!.recordedAt).toBeInstanceOf(Date);
      expect(Math.abs(read[0]!.recordedAt.getTime() - Date.now())).toBeLessThan(60_000);
      expect(read[1]!.globalPosition).toBeGreaterThan(read[0]!.globalPosition);
      expect(result.lastPosition).toBe(read[1]!.globalPosition);
    });

    it('keeps payloads and metadata exactly, alone and in a batch', async () => {
      const awkward = {
        title: '楼道漏水 "3号楼" \\ back\\slash \u00e9 😀',
        nested: { list: [1, -2.5, 1e21, true, false, null, '', [], {}], quote: "it's" },
        controls: 'tab\tnew\nline\u0001',
        big: Number.MAX_SAFE_INTEGER,
      };
      const metadata = {
        actorId: '网格员 "甲"',
        onBehalfOf: 'resident\\9',
        correlationId: 'corr {1}',
        causationId: 'cause, with "commas"',
      };
      for (const count of [1, 3]) {
        const id = stream();
        const events = Array.from({ length: count }, (_, i) => ({
          ...event(`Awkward-${i}`, { ...awkward, i }),
          metadata,
        }));
        await store.appendToStream(id, events, { expectedRevision: 'no-stream' });
        const read = await store.readStream(id);
        expect(read.map((e) => ({ type: e.type, data: e.data, metadata: e.metadata }))).toEqual(
          events.map((e) => ({ type: e.type, data: e.data, metadata })),
        );
      }
    });

    it('reads an unknown stream as empty', async () => {
      expect(await store.readStream(stream())).toEqual([]);
    });

    it('appends at the expected revision', async () => {
      const id = stream();
      await store.appendToStream(id, [event('A')], { expectedRevision: 'no-stream' });
      const next = await store.appendToStream(id, [event('B'), event('C')], { expectedRevision: 0 });
      expect(next.nextExpectedRevision).toBe(2);
      expect((await store.readStream(id)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
    });

    it('rejects a stale expected revision with a typed error and writes nothing', async () => {
      const id = stream();
      await store.appendToStream(id, [event('A'), event('B')], { expectedRevision: 'no-stream' });
      await expect(store.appendToStream(id, [event('C')], { expectedRevision: 0 })).rejects.toMatchObject({
        name: 'WrongExpectedRevision',
        actual: 1,
        expected: 0,
      });
      await expect(store.appendToStream(id, [event('C')], { expectedRevision: 5 })).rejects.toBeInstanceOf(
        WrongExpectedRevision,
      );
      expect(await store.readStream(id)).toHaveLength(2);
    });

    it('rejects no-stream on an existing stream, and a revision on a missing one', async () => {
      const id = stream();
      await store.appendToStream(id, [event('A')], { expectedRevision: 'no-stream' });
      await expect(
        store.appendToStream(id, [event('B')], { expectedRevision: 'no-stream' }),
      ).rejects.toMatchObject({ name: 'WrongExpectedRevision', actual: 0 });
      await expect(
        store.appendToStream(stream(), [event('B')], { expectedRevision: 0 }),
      ).rejects.toMatchObject({ name: 'WrongExpectedRevision', actual: 'no-stream' });
    });

    it('appends with "any" whatever the revision', async () => {
      const id = stream();
      await store.appendToStream(id, [event('A')], { expectedRevision: 'any' });
      const result = await store.appendToStream(id, [event('B')], { expectedRevision: 'any' });
      expect(result.nextExpectedRevision).toBe(1);
    });

    it('treats appending event ids the stream already holds as a no-op', async () => {
      const id = stream();
      const events = [event('A'), event('B')];
      await store.appendToStream(id, events, { expectedRevision: 'no-stream' });
      const again = await store.appendToStream(id, events, { expectedRevision: 'no-stream' });
      expect(again).toEqual({ nextExpectedRevision: 1, lastPosition: null, written: false });
      const anyAgain = await store.appendToStream(id, events, { expectedRevision: 'any' });
      expect(anyAgain.written).toBe(false);
      expect(await store.readStream(id)).toHaveLength(2);
    });

    it('refuses a retry that mixes stored and new event ids', async () => {
      const id = stream();
      const stored = event('A');
      await store.appendToStream(id, [stored], { expectedRevision: 'no-stream' });
      await expect(
        store.appendToStream(id, [stored, event('B')], { expectedRevision: 0 }),
      ).rejects.toBeInstanceOf(InconsistentRetry);
      expect(await store.readStream(id)).toHaveLength(1);
    });

    it('lets exactly one of many concurrent appenders at one revision win', async () => {
      const id = stream();
      await store.appendToStream(id, [event('Created')], { expectedRevision: 'no-stream' });
      const attempts = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          store.appendToStream(id, [event('Taken', { by: i })], { expectedRevision: 0 }),
        ),
      );
      const won = attempts.filter((a) => a.status === 'fulfilled');
      const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
      expect(won).toHaveLength(1);
      for (const failure of lost) {
        expect(failure.reason).toBeInstanceOf(WrongExpectedRevision);
      }
      expect(await store.readStream(id)).toHaveLength(2);
    });

    it('reads all events in global order after a position, in pages', async () => {
      const start = await store.headPosition();
      const a = stream();
      const b = stream();
      await store.appendToStream(a, [event('A1')], { expectedRevision: 'no-stream' });
      await store.appendToStream(b, [event('B1'), event('B2')], { expectedRevision: 'no-stream' });
      await store.appendToStream(a, [event('A2')], { expectedRevision: 0 });

      const page1 = await store.readAll({ after: start, maxCount: 3 });
      const page2 = await store.readAll({ after: page1[2]!.globalPosition, maxCount: 3 });
      expect([...page1, ...page2].map((e) => e.type)).toEqual(['A1', 'B1', 'B2', 'A2']);
      expect(await store.headPosition()).toBe(page2[0]!.globalPosition);
    });

    it('follows new events from a checkpoint and stops when aborted', async () => {
      const start = await store.headPosition();
      const abort = new AbortController();
      const deadline = setTimeout(() => abort.abort(), 10_000);
      const seen: RecordedEvent[] = [];
      const following = (async () => {
        for await (const batch of store.followAll({ after: start, signal: abort.signal })) {
          seen.push(...batch);
          if (seen.length >= 3) abort.abort();
        }
      })();
      const id = stream();
      await store.appendToStream(id, [event('A')], { expectedRevision: 'no-stream' });
      await store.appendToStream(id, [event('B'), event('C')], { expectedRevision: 0 });
      await following;
      clearTimeout(deadline);
      expect(seen.map((e) => e.type)).toEqual(['A', 'B', 'C']);
    });

    it('never lets a follower skip an event while concurrent writers append', async () => {
      const start = await store.headPosition();
      const writers = 8;
      const appendsPerWriter = 40;
      const total = writers * appendsPerWriter * 2;
      const abort = new AbortController();
      const seen: RecordedEvent[] = [];
      const follower = (async () => {
        for await (const batch of store.followAll({ after: start, batchSize: 37, signal: abort.signal })) {
          seen.push(...batch);
          if (seen.length >= total) abort.abort();
        }
      })();
      const timeout = setTimeout(() => abort.abort(), 30_000);
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          for (let i = 0; i < appendsPerWriter; i++) {
            await store.appendToStream(stream(`writer${w}`), [event('X'), event('Y')], {
              expectedRevision: 'no-stream',
            });
          }
        }),
      );
      await follower;
      clearTimeout(timeout);

      const everything = await store.readAll({ after: start, maxCount: total + 10 });
      expect(everything).toHaveLength(total);
      expect(seen.map((e) => e.eventId)).toEqual(everything.map((e) => e.eventId));
      for (let i = 1; i < seen.length; i++) {
        expect(seen[i]!.globalPosition).toBeGreaterThan(seen[i - 1]!.globalPosition);
      }
    });
  });
}

/**
 * The search auditors use, for the stores that offer one (the SQL stores; EventStoreDB does not):
 * every filter narrows, in global order, paged by position.
 */
export function eventSearchContract(name: string, open: () => Promise<EventStoreUnderTest>): void {
  describe(`event search: ${name}`, () => {
    let subject: EventStoreUnderTest;
    let search: NonNullable<EventStore['search']>;

    beforeEach(async () => {
      subject = await open();
      if (!subject.store.search) throw new Error(`${name} offers no search`);
      search = subject.store.search.bind(subject.store);
    });
    afterEach(() => subject.close());

    it('finds events by actor, correlation id, type, stream and recorded time, in pages', async () => {
      const { store } = subject;
      const correlationId = randomUUID();
      const a = `search-${randomUUID()}`;
      const b = `search-${randomUUID()}`;
      const start = await store.headPosition();
      await store.appendToStream(a, [event('Placed', {}, { actorId: 'ann', correlationId })], {
        expectedRevision: 'no-stream',
      });
      await store.appendToStream(b, [event('Placed', {}, { actorId: 'bob' })], {
        expectedRevision: 'no-stream',
      });
      await store.appendToStream(
        b,
        [
          event('Taken', {}, { actorId: 'ann', correlationId }),
          event('Done', {}, { actorId: 'bob', correlationId }),
        ],
        { expectedRevision: 0 },
      );
      const all = await store.readAll({ after: start, maxCount: 10 });
      const ids = (events: readonly RecordedEvent[]) => events.map((e) => e.eventId);
      const base = { after: start, limit: 10 };

      expect(ids(await search({ ...base, correlationId }))).toEqual(ids([all[0]!, all[2]!, all[3]!]));
      expect(ids(await search({ ...base, actorId: 'ann' }))).toEqual(ids([all[0]!, all[2]!]));
      expect(ids(await search({ ...base, actorId: 'bob', correlationId }))).toEqual(ids([all[3]!]));
      expect(ids(await search({ ...base, type: 'Placed' }))).toEqual(ids([all[0]!, all[1]!]));
      expect(ids(await search({ ...base, streamId: b }))).toEqual(ids(all.slice(1)));
      expect(await search({ ...base, actorId: 'nobody' })).toEqual([]);

      const first = await search({ ...base, limit: 2 });
      const rest = await search({ after: first[1]!.globalPosition, limit: 2 });
      expect(ids([...first, ...rest])).toEqual(ids(all));
      expect(first[0]).toEqual(all[0]);

      const firstAt = all[0]!.recordedAt;
      const lastAt = all[3]!.recordedAt;
      expect(ids(await search({ ...base, from: firstAt, to: lastAt }))).toEqual(ids(all));
      expect(await search({ ...base, from: new Date(lastAt.getTime() + 1) })).toEqual([]);
      expect(await search({ ...base, to: new Date(firstAt.getTime() - 1) })).toEqual([]);
    });
  });
}

export function event(
  type: string,
  data: Record<string, unknown> = {},
  metadata: Partial<NewEvent['metadata']> = {},
): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: {
      actorId: 'tester',
      onBehalfOf: null,
      correlationId: randomUUID(),
      causationId: null,
      ...metadata,
    },
  };
}
