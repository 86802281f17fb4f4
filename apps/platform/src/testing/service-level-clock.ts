import { CLOCK, type Clock } from '@cogov/decider';
import type { TestPlatform } from './test-platform';

export const MIN = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** What sweeps the deadlines due by a time: the residents' committee's scheduler, which a test names. */
export type Sweeper = (platform: TestPlatform, now: Date) => Promise<number>;

/**
 * Time as a service-level test moves it: `at(ms)` sets the platform's clock to t0 + ms, `sweep(ms)`
 * lets what was appended settle, sweeps the deadlines due by t0 + ms (the timer is off) and
 * answers how many orders it told. `platform` is read on each call, so a restart is followed.
 * Outside a spec this file sees no context's insides (the boundary rules), hence the sweeper.
 */
export function serviceLevelClock(platform: () => TestPlatform, t0: number, sweeper: Sweeper) {
  return {
    at: (ms: number) =>
      jest.spyOn(platform().app.get<Clock>(CLOCK), 'now').mockReturnValue(new Date(t0 + ms)),
    sweep: async (ms: number) => {
      await platform().settle();
      const told = await sweeper(platform(), new Date(t0 + ms));
      await platform().settle();
      return told;
    },
  };
}

/** Turns the sweep timer off for a suite (`sweep` is called by the test) and puts it back after. */
export function withoutSweepTimer(): () => void {
  const previous = process.env.SERVICE_LEVEL_SWEEP_MS;
  process.env.SERVICE_LEVEL_SWEEP_MS = '0';
  return () => {
    if (previous === undefined) delete process.env.SERVICE_LEVEL_SWEEP_MS;
    else process.env.SERVICE_LEVEL_SWEEP_MS = previous;
  };
}
