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
import { CLOCK, systemClock } from '@cogov/event-sourcing';
import { EVENT_STORE, SqlEventStore } from '@cogov/event-store';
import { InProcessBus, INTEGRATION_EVENT_BUS } from '@cogov/messaging';
import { type DatabaseConfig, describeDatabase, SQL_DATABASE, SqlDatabase } from '@cogov/persistence';
import { PROJECTION_RUNNER, ProjectionRunner } from '@cogov/projections';

export interface EmbeddedInfrastructureOptions {
  readonly database: DatabaseConfig;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: ReadonlyArray<Function | EntitySchema>;
  /** False for tools (rebuild) that drive projections themselves: the bus and runner stay idle. */
  readonly startWorkers?: boolean;
}

const OPTIONS = Symbol('EmbeddedInfrastructureOptions');

/**
 * The ports every context needs, bound to the embedded adapters: the SQL event store and read
 * models in one database, the in-process bus, the system clock. Contexts register projections
 * and bus subscriptions while their modules initialise; this module starts them once the whole
 * application has initialised, and stops them before the database closes.
 */
@Global()
@Module({})
export class EmbeddedInfrastructureModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Platform');

  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(INTEGRATION_EVENT_BUS) private readonly bus: InProcessBus,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
    @Inject(OPTIONS) private readonly options: EmbeddedInfrastructureOptions,
  ) {}

  static forRoot(options: EmbeddedInfrastructureOptions): DynamicModule {
    return {
      module: EmbeddedInfrastructureModule,
      providers: [
        { provide: OPTIONS, useValue: options },
        {
          provide: SQL_DATABASE,
          useFactory: () => SqlDatabase.open(options.database, [...options.entities]),
        },
        {
          provide: EVENT_STORE,
          useFactory: async (db: SqlDatabase) => {
            const store = new SqlEventStore(db);
            await store.ensureSchema();
            return store;
          },
          inject: [SQL_DATABASE],
        },
        {
          provide: INTEGRATION_EVENT_BUS,
          useFactory: (store: SqlEventStore, db: SqlDatabase) => new InProcessBus(store, db),
          inject: [EVENT_STORE, SQL_DATABASE],
        },
        {
          provide: PROJECTION_RUNNER,
          useFactory: (store: SqlEventStore, db: SqlDatabase) => new ProjectionRunner(store, db),
          inject: [EVENT_STORE, SQL_DATABASE],
        },
        { provide: CLOCK, useValue: systemClock },
      ],
      exports: [SQL_DATABASE, EVENT_STORE, INTEGRATION_EVENT_BUS, PROJECTION_RUNNER, CLOCK],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.db.synchronizeEntities();
    await this.projections.ensureSchema();
    if (this.options.startWorkers === false) return;
    await this.projections.start();
    await this.bus.start();
    this.logger.log(`event store and read models in ${describeDatabase(this.db.config)}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.bus.stop();
    await this.projections.stop();
    await this.db.close();
  }
}
