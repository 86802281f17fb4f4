import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { HealthCheckResult, HealthIndicatorResult } from '@nestjs/terminus';
import { type Admin, Kafka, logLevel } from 'kafkajs';
import { EVENT_STORE, type EventStore } from '@cogov/event-store';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { Metrics } from './metrics';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './options';

/** A probe that cannot answer within this long counts as down: a probe must never hang. */
const PROBE_TIMEOUT_MS = 2_000;

/**
 * Readiness: the database answers, the Kafka broker answers (hosts on the Kafka bus), and every
 * projection this process follows is within `readyMaxProjectionLag` events of the store head.
 * Liveness asks nothing of anyone: a process that answers HTTP is alive, and restarting it
 * because the database is away would not bring the database back.
 */
@Injectable()
export class Readiness implements OnModuleDestroy {
  private kafkaAdmin: Promise<Admin> | null = null;

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly metrics: Metrics,
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
  ) {}

  live(): Promise<HealthCheckResult> {
    return this.health.check([() => this.indicators.check('process').up({ pid: process.pid })]);
  }

  /** Resolves with terminus' result when ready; rejects with its 503 exception when not. */
  ready(): Promise<HealthCheckResult> {
    const brokers = this.options.kafkaBrokers ?? [];
    return this.health.check([
      () => this.database(),
      ...(brokers.length > 0 ? [() => this.kafka(brokers)] : []),
      () => this.projections(),
    ]);
  }

  private async database(): Promise<HealthIndicatorResult> {
    const session = this.indicators.check('database');
    try {
      await withTimeout(this.db.readSource.query('SELECT 1'), 'the database');
      return session.up({ dialect: this.db.dialect });
    } catch (error) {
      return session.down({ message: describe(error) });
    }
  }

  private async kafka(brokers: readonly string[]): Promise<HealthIndicatorResult> {
    const session = this.indicators.check('kafka');
    try {
      const admin = await withTimeout(this.connectKafka(brokers), 'the Kafka broker');
      const cluster = await withTimeout(admin.describeCluster(), 'the Kafka broker');
      return session.up({ brokers: cluster.brokers.length });
    } catch (error) {
      // A failed connection is not reused: the next probe connects afresh.
      void this.disconnectKafka();
      return session.down({ message: describe(error) });
    }
  }

  private async projections(): Promise<HealthIndicatorResult> {
    const session = this.indicators.check('projections');
    let head: number;
    try {
      head = await withTimeout(this.store.headPosition(), 'the event store');
    } catch (error) {
      return session.down({ message: `event store head unreadable: ${describe(error)}` });
    }
    const bound = this.options.readyMaxProjectionLag;
    const lags = Object.fromEntries(
      this.metrics.followedProjections().map((p) => [p.name, Math.max(0, head - p.position)]),
    );
    const behind = Object.entries(lags).filter(([, lag]) => lag > bound);
    const data = { head, maxLag: bound, lag: lags };
    return behind.length === 0
      ? session.up(data)
      : session.down({ ...data, message: `${behind.map(([name]) => name).join(', ')} behind the store` });
  }

  private connectKafka(brokers: readonly string[]): Promise<Admin> {
    this.kafkaAdmin ??= (async () => {
      const admin = new Kafka({
        clientId: 'cogov-readiness',
        brokers: [...brokers],
        logLevel: logLevel.NOTHING,
        connectionTimeout: PROBE_TIMEOUT_MS,
        requestTimeout: PROBE_TIMEOUT_MS,
        retry: { retries: 0 },
      }).admin();
      await admin.connect();
      return admin;
    })();
    return this.kafkaAdmin;
  }

  private async disconnectKafka(): Promise<void> {
    const admin = this.kafkaAdmin;
    this.kafkaAdmin = null;
    await admin?.then((a) => a.disconnect()).catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    await this.disconnectKafka();
  }
}

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer in ${PROBE_TIMEOUT_MS} ms`)),
      PROBE_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
