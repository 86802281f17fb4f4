import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { LessThan } from 'typeorm';
import { CLOCK, type Clock } from '@cogov/decider';
import { systemContext } from '@cogov/event-sourcing';
import { SQL_DATABASE, type SqlDatabase } from '@cogov/persistence';
import { AdvanceServiceLevelCommand } from '../application/advance-service-level';
import { DueDeadline } from './due-deadline.entity';

export const SERVICE_LEVEL_SWEEP_MS = Symbol('ServiceLevelSweepMs');

/** Deadlines handled per sweep, so one sweep after a long outage does not hold everything at once. */
const SWEEP_BATCH = 500;

/**
 * The edge where time enters the process: every `SERVICE_LEVEL_SWEEP_MS` it reads the deadlines
 * due by the clock's now from the database and tells each order's process that time has passed.
 * Sweeps are idempotent: the process breaches a stage once, and two sweeps (two instances, a
 * retry) racing on one stream are told apart by its revision.
 */
@Injectable()
export class ServiceLevelScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ServiceLevelScheduler');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly commands: CommandBus,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_LEVEL_SWEEP_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return; // a slow sweep is not overtaken by the next
      this.sweep().catch((error: unknown) => this.logger.error(`sweep failed: ${String(error)}`));
    }, this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.idle();
  }

  /** Resolves once no sweep is running (a shutdown waits for the last; so can a test). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** Breaches every deadline passed by `now` (the clock's, unless a test names it); answers how many orders it told. */
  async sweep(now: Date = this.clock.now()): Promise<number> {
    const run = this.sweepOnce(now);
    this.running = run;
    try {
      return await run;
    } finally {
      if (this.running === run) this.running = null;
    }
  }

  private async sweepOnce(now: Date): Promise<number> {
    const due = await this.db.readSource.getRepository(DueDeadline).find({
      where: { nextDueAt: LessThan(now.toISOString()) },
      order: { nextDueAt: 'ASC' },
      take: SWEEP_BATCH,
    });
    const context = systemContext('service-level-scheduler', now);
    for (const { orderId } of due) {
      await this.commands.execute(
        new AdvanceServiceLevelCommand(
          { type: 'PassTime', data: { orderId, now: now.toISOString() } },
          context,
        ),
      );
    }
    return due.length;
  }
}
