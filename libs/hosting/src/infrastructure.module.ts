import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { EntitySchema } from 'typeorm';
import { CLOCK, type Clock, systemClock } from '@cogov/decider';
import {
  APPEND_OBSERVERS,
  AppendObservers,
  EsdbEventStore,
  EVENT_STORE,
  type EventStore,
  observeAppends,
  SqlEventStore,
} from '@cogov/event-store';
import { InProcessBus, INTEGRATION_EVENT_BUS, type IntegrationEventBus, KafkaBus } from '@cogov/messaging';
import { type DatabaseConfig, describeDatabase, SQL_DATABASE, SqlDatabase } from '@cogov/persistence';
import { PROJECTION_RUNNER, ProjectionRunner } from '@cogov/projections';

export type BusConfig =
  | { readonly kind: 'in-process' }
  | {
      readonly kind: 'kafka';
      readonly brokers: readonly string[];
      readonly clientId: string;
      readonly namespace: string;
    };

export type EventStoreConfig =
  | { readonly kind: 'sql' }
  /** Aggregates in EventStoreDB; read models and checkpoints stay in the SQL database. */
  | { readonly kind: 'esdb'; readonly connectionString: string };

export interface InfrastructureOptions {
  readonly database: DatabaseConfig;
  /** Where aggregates live; the SQL database when absent. */
  readonly eventStore?: EventStoreConfig;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: ReadonlyArray<Function | EntitySchema>;
  readonly bus: BusConfig;
  /** Which background workers this process runs (a tool like rebuild runs none). */
  readonly run: { readonly bus: boolean; readonly projections: boolean };
  /** The system clock unless a tool brings its own (the district seeder plays a year through). */
  readonly clock?: Clock;
}

const OPTIONS = Symbol('InfrastructureOptions');

/**
 * The ports every context needs, bound to adapters chosen by configuration: the SQL event store
 * and read models in one database (SQLite or a PostgreSQL schema), the in-process or Kafka bus,
 * the system clock. Contexts register projections and bus subscriptions while their modules
 * initialise; this module starts them once the whole application has initialised, and stops them
 * before the database closes.
 */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Infrastructure');

  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(INTEGRATION_EVENT_BUS) private readonly bus: IntegrationEventBus,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
    @Inject(OPTIONS) private readonly options: InfrastructureOptions,
  ) {}

  static forRoot(options: InfrastructureOptions): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: OPTIONS, useValue: options },
        {
          provide: SQL_DATABASE,
          useFactory: () => SqlDatabase.open(options.database, [...options.entities]),
        },
        { provide: APPEND_OBSERVERS, useValue: new AppendObservers() },
        {
          provide: EVENT_STORE,
          useFactory: async (db: SqlDatabase, observers: AppendObservers): Promise<EventStore> => {
            if (options.eventStore?.kind === 'esdb') {
              return observeAppends(
                EsdbEventStore.fromConnectionString(options.eventStore.connectionString),
                observers,
              );
            }
            const store = new SqlEventStore(db);
            await store.ensureSchema();
            return observeAppends(store, observers);
          },
          inject: [SQL_DATABASE, APPEND_OBSERVERS],
        },
        {
          provide: INTEGRATION_EVENT_BUS,
          useFactory: (store: EventStore, db: SqlDatabase) =>
            options.bus.kind === 'kafka'
              ? new KafkaBus(store, db, {
                  brokers: options.bus.brokers,
                  clientId: options.bus.clientId,
                  namespace: options.bus.namespace,
                })
              : new InProcessBus(store, db),
          inject: [EVENT_STORE, SQL_DATABASE],
        },
        {
          provide: PROJECTION_RUNNER,
          useFactory: (store: EventStore, db: SqlDatabase) => new ProjectionRunner(store, db),
          inject: [EVENT_STORE, SQL_DATABASE],
        },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
      ],
      exports: [SQL_DATABASE, EVENT_STORE, APPEND_OBSERVERS, INTEGRATION_EVENT_BUS, PROJECTION_RUNNER, CLOCK],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.db.synchronizeEntities();
    await this.projections.ensureSchema();
    if (this.options.run.projections) await this.projections.start();
    if (this.options.run.bus) await this.bus.start();
    this.logger.log(
      `event store and read models in ${describeDatabase(this.db.config)}; bus: ${this.options.bus.kind}` +
        `; running: ${[this.options.run.projections && 'projections', this.options.run.bus && 'bus'].filter(Boolean).join(', ') || 'no workers'}`,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.options.run.bus) await this.bus.stop();
    await this.projections.stop();
    await this.db.close();
  }
}
