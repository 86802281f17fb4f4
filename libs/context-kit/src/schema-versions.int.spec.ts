import { randomUUID } from 'node:crypto';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { contract, type IntegrationEvent } from '@cogov/contracts';
import { type Decider, InvalidTransition } from '@cogov/decider';
import { type NewEvent, SqlEventStore } from '@cogov/event-store';
import { EventSourcedRepository, systemContext } from '@cogov/event-sourcing';
import { SqlDatabase } from '@cogov/persistence';
import { freshSqlite } from '@cogov/persistence/testing/test-databases';
import { ProjectionRunner, rowPerKeyProjection } from '@cogov/projections';
import { aggregate, idInStream, inCategory } from './aggregate';
import { defineContext } from './define-context';
import { outboundMapper } from './outbound';
import { repositoryFor } from './context-module';
import { aggregateOfStream } from './streams';

/**
 * A schema change end to end. The store holds v1 of `ParcelWeighed` (grams as a bare number);
 * the code now speaks v2 (`{ value, unit }`), with one upcaster in the context's registry. The
 * aggregate, the read model and the published integration event all see v2, and new events are
 * written as v2 beside the old ones.
 */
type ParcelEvent =
  | { type: 'ParcelRegistered'; data: { parcelId: string } }
  | { type: 'ParcelWeighed'; data: { parcelId: string; weight: { value: number; unit: 'g' } } }
  | { type: 'ParcelShipped'; data: { parcelId: string } };
type ParcelState = { status: 'absent' } | { status: 'present'; weighedGrams: number; shipped: boolean };
type ShipParcel = { type: 'ShipParcel'; data: { parcelId: string } };

const parcelDecider: Decider<ShipParcel, ParcelState, ParcelEvent> = {
  initialState: () => ({ status: 'absent' }),
  decide: (command, state) => {
    if (state.status === 'absent' || state.shipped) throw new InvalidTransition(state.status, 'ship');
    return [{ type: 'ParcelShipped', data: { parcelId: command.data.parcelId } }];
  },
  evolve: (state, event) => {
    switch (event.type) {
      case 'ParcelRegistered':
        return { status: 'present', weighedGrams: 0, shipped: false };
      case 'ParcelWeighed':
        return state.status === 'absent' ? state : { ...state, weighedGrams: event.data.weight.value };
      case 'ParcelShipped':
        return state.status === 'absent' ? state : { ...state, shipped: true };
    }
  },
};

@Entity({ name: 'kit_test_parcel_view' })
class ParcelView {
  @PrimaryColumn({ type: 'varchar', length: 36 }) parcelId!: string;
  @Column({ type: 'integer' }) grams!: number;
  @Column({ type: 'varchar', length: 4 }) unit!: string;
}

type ParcelWeighedV2 = IntegrationEvent<
  'kit-test.parcel-weighed',
  { parcelId: string; weight: { value: number; unit: string } }
>;
const parcelWeighedV2 = contract<ParcelWeighedV2>('kit-test.parcel-weighed', 2, { type: 'object' });

const parcels = aggregate('kit-test.parcel', parcelDecider);
const kitTest = defineContext({
  name: 'kit-test',
  port: 0,
  aggregates: { parcel: parcels },
  upcasters: {
    ParcelWeighed: { 1: ({ grams, ...rest }) => ({ ...rest, weight: { value: grams, unit: 'g' } }) },
  },
  publishes: (event: ParcelEvent, out) =>
    event.type === 'ParcelWeighed'
      ? out.publish(parcelWeighedV2, event.data.parcelId, {
          parcelId: event.data.parcelId,
          weight: { value: event.data.weight.value, unit: event.data.weight.unit },
        })
      : [],
  projections: [
    rowPerKeyProjection({
      name: 'kit-test.parcels',
      version: 1,
      entity: ParcelView,
      key: 'parcelId',
      handles: (e) => inCategory(parcels, e.streamId) && e.type === 'ParcelWeighed',
      keyOf: (e) => idInStream(parcels, e.streamId),
      evolve: (_row, e) => {
        const d = e.data as ParcelEvent & { type: 'ParcelWeighed' } extends { data: infer D } ? D : never;
        return Object.assign(new ParcelView(), {
          parcelId: d.parcelId,
          grams: d.weight.value,
          unit: d.weight.unit,
        });
      },
    }),
  ],
});

describe('schema versions through one registry per context (SQLite)', () => {
  const config = freshSqlite();
  let db: SqlDatabase;
  let store: SqlEventStore;
  const parcelId = randomUUID();
  const streamId = `kit-test.parcel-${parcelId}`;
  const stored = (type: string, schemaVersion: number, data: Record<string, unknown>): NewEvent => ({
    eventId: randomUUID(),
    type,
    schemaVersion,
    data,
    metadata: { actorId: 'clerk', onBehalfOf: null, correlationId: randomUUID(), causationId: null },
  });

  beforeAll(async () => {
    db = await SqlDatabase.open(config, [...kitTest.allEntities]);
    await db.synchronizeEntities();
    store = new SqlEventStore(db);
    await store.ensureSchema();
    // Written by the code of yesterday: v1, grams as a bare number.
    await store.appendToStream(
      streamId,
      [stored('ParcelRegistered', 1, { parcelId }), stored('ParcelWeighed', 1, { parcelId, grams: 750 })],
      { expectedRevision: 'no-stream' },
    );
  });
  afterAll(async () => {
    await db.close();
    config.cleanup();
  });

  it('the registry knows the current version of each type', () => {
    expect(kitTest.upcasters.currentVersion('ParcelWeighed')).toBe(2);
    expect(kitTest.upcasters.currentVersion('ParcelRegistered')).toBe(1);
  });

  it('the aggregate folds the v1 event as v2, and a new one is written as v2 beside it', async () => {
    const repository = new EventSourcedRepository(store, {
      category: parcels.category,
      initialState: parcels.decider.initialState,
      evolve: parcels.decider.evolve,
      upcasters: kitTest.upcasters,
    });
    expect((await repository.load(parcelId)).state).toEqual({
      status: 'present',
      weighedGrams: 750,
      shipped: false,
    });
    await repository.handle(
      parcelId,
      (state) => parcels.decider.decide({ type: 'ShipParcel', data: { parcelId } }, state),
      systemContext('clerk', new Date()),
    );
    await repository.handle(
      parcelId,
      () => [{ type: 'ParcelWeighed', data: { parcelId, weight: { value: 760, unit: 'g' } } }],
      systemContext('clerk', new Date()),
    );
    const history = await store.readStream(streamId);
    expect(history.map((e) => [e.type, e.schemaVersion, e.data])).toEqual([
      ['ParcelRegistered', 1, { parcelId }],
      ['ParcelWeighed', 1, { parcelId, grams: 750 }],
      ['ParcelShipped', 1, { parcelId }],
      ['ParcelWeighed', 2, { parcelId, weight: { value: 760, unit: 'g' } }],
    ]);
    expect((await repository.load(parcelId)).state).toEqual({
      status: 'present',
      weighedGrams: 760,
      shipped: true,
    });
  });

  it('the read model is built from v2 shapes', async () => {
    const runner = new ProjectionRunner(store, db);
    for (const projection of kitTest.projections) runner.register(projection);
    await runner.ensureSchema();
    await runner.rebuild('kit-test.parcels');
    // The last weighing, a v2 event, after the v1 one: both read the same way.
    expect(await db.readSource.getRepository(ParcelView).findBy({ parcelId })).toEqual([
      Object.assign(new ParcelView(), { parcelId, grams: 760, unit: 'g' }),
    ]);
  });

  it('the published integration event is mapped from the v2 shape', async () => {
    const map = outboundMapper(kitTest.name, [parcels], kitTest.upcasters, kitTest.publishes!);
    const published = (await store.readStream(streamId)).flatMap(map);
    expect(published.map((e) => [e.type, e.version, e.source, e.key, e.data])).toEqual([
      ['kit-test.parcel-weighed', 2, 'kit-test', parcelId, { parcelId, weight: { value: 750, unit: 'g' } }],
      ['kit-test.parcel-weighed', 2, 'kit-test', parcelId, { parcelId, weight: { value: 760, unit: 'g' } }],
    ]);
  });

  it('a past state is folded by the same repository, through the upcasters, up to a position', async () => {
    const found = aggregateOfStream([kitTest], streamId);
    expect(found).toMatchObject({ context: kitTest, definition: parcels, id: parcelId });
    const repository = repositoryFor(found!.context, found!.definition, store);
    const history = await store.readStream(streamId);
    const weighed = history[1]!;
    const then = await repository.loadUntil(parcelId, (e) => e.globalPosition <= weighed.globalPosition);
    expect(then).toMatchObject({
      state: { status: 'present', weighedGrams: 750, shipped: false },
      revision: 1,
      exists: true,
    });
    // The events folded, as evolve saw them: the v1 weighing read as v2.
    expect(then.events.map((e) => [e.type, e.data])).toEqual([
      ['ParcelRegistered', { parcelId }],
      ['ParcelWeighed', { parcelId, weight: { value: 750, unit: 'g' } }],
    ]);
    const before = await repository.loadUntil(parcelId, () => false);
    expect(before).toMatchObject({ state: { status: 'absent' }, revision: 'no-stream', exists: true });
    const now = await repository.loadUntil(parcelId, () => true);
    expect(now.state).toEqual((await repository.load(parcelId)).state);
    expect(await repository.loadUntil(randomUUID(), () => true)).toMatchObject({ exists: false });
  });

  it('a version newer than the code knows is refused, not guessed', async () => {
    const otherId = randomUUID();
    await store.appendToStream(
      `kit-test.parcel-${otherId}`,
      [stored('ParcelWeighed', 3, { parcelId: otherId, weight: { value: 1, unit: 'kg' } })],
      { expectedRevision: 'no-stream' },
    );
    const [event] = await store.readStream(`kit-test.parcel-${otherId}`);
    expect(() => kitTest.upcasters.upcast(event!)).toThrow(
      /v3 is not a version this code knows \(current: v2\)/,
    );
  });
});
