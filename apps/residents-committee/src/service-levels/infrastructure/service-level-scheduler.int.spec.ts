import type { CommandBus, ICommand } from '@nestjs/cqrs';
import type { Clock } from '@cogov/decider';
import { SqlDatabase } from '@cogov/persistence';
import { freshSqlite } from '@cogov/persistence/testing/test-databases';
import type { AdvanceServiceLevelCommand } from '../application/advance-service-level';
import { DueDeadline } from './due-deadline.entity';
import { ServiceLevelScheduler } from './service-level-scheduler';

/**
 * The timer of the three ones on a real SQLite table: every interval it reads what is due by the
 * clock's now and tells those orders' processes. Jest's fake timers move the interval; the
 * clock is the test's; nothing sleeps.
 */
describe('service-level scheduler (SQLite)', () => {
  const config = freshSqlite();
  let db: SqlDatabase;
  const T0 = Date.parse('2030-03-01T08:00:00.000Z');
  let now = T0;
  const clock: Clock = { now: () => new Date(now) };
  const sent: ICommand[] = [];
  const commands = {
    execute: (command: ICommand) => Promise.resolve(void sent.push(command)),
  } as unknown as CommandBus;
  const row = (orderId: string, nextMs: number | null): DueDeadline =>
    Object.assign(new DueDeadline(), {
      orderId,
      acceptDueAt: null,
      onSiteDueAt: null,
      completeDueAt: nextMs === null ? null : new Date(T0 + nextMs).toISOString(),
      nextDueAt: nextMs === null ? null : new Date(T0 + nextMs).toISOString(),
    });
  const told = () =>
    sent.map((c) => {
      const { input } = c as AdvanceServiceLevelCommand;
      return input.type === 'PassTime' ? `${input.data.orderId}@${input.data.now}` : input.type;
    });

  beforeAll(async () => {
    db = await SqlDatabase.open(config, [DueDeadline]);
    await db.synchronizeEntities();
    await db.dataSource
      .getRepository(DueDeadline)
      .save([row('order-due', 60_000), row('order-later', 3_600_000), row('order-done', null)]);
  });
  beforeEach(() => {
    sent.length = 0;
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  });
  afterEach(() => jest.useRealTimers());
  afterAll(async () => {
    await db.close();
    config.cleanup();
  });

  it('each interval tells the orders due by the clock’s now, and no others', async () => {
    const scheduler = new ServiceLevelScheduler(commands, db, clock, 1_000);
    scheduler.onApplicationBootstrap();
    now = T0 + 30_000;
    await jest.advanceTimersByTimeAsync(1_000);
    await scheduler.idle();
    expect(told()).toEqual([]);
    now = T0 + 61_000;
    await jest.advanceTimersByTimeAsync(1_000);
    await scheduler.idle();
    expect(told()).toEqual([`order-due@${new Date(T0 + 61_000).toISOString()}`]);
    await scheduler.onApplicationShutdown();
    sent.length = 0;
    await jest.advanceTimersByTimeAsync(5_000);
    expect(told()).toEqual([]);
  });

  it('an interval of 0 starts no timer: only explicit sweeps run', async () => {
    const scheduler = new ServiceLevelScheduler(commands, db, clock, 0);
    scheduler.onApplicationBootstrap();
    now = T0 + 2 * 3_600_000;
    await jest.advanceTimersByTimeAsync(10_000);
    expect(told()).toEqual([]);
    expect(await scheduler.sweep()).toBe(2);
    expect(told().map((t) => t.split('@')[0])).toEqual(['order-due', 'order-later']);
    await scheduler.onApplicationShutdown();
  });
});
