import type { RecordedEvent } from './event-store.port';
import { RecentEvents } from './recent-events';

const at = (...positions: number[]) =>
  positions.map((globalPosition) => ({ globalPosition }) as RecordedEvent);
const positions = (events: RecordedEvent[] | null) => events?.map((e) => e.globalPosition) ?? null;

describe('the recent stretch of the log', () => {
  it('answers reads inside what the database answered, and sends a read at its end to the database', () => {
    const recent = new RecentEvents();
    recent.remember(10, at(11, 12, 14));
    expect(positions(recent.read(10, 100))).toEqual([11, 12, 14]);
    expect(positions(recent.read(12, 100))).toEqual([14]);
    expect(positions(recent.read(11, 1))).toEqual([12]);
    expect(recent.read(14, 100)).toBeNull(); // there may be more
    expect(recent.read(9, 100)).toBeNull(); // before the stretch: not known to be complete
  });

  it('grows by a read that starts inside it, and is replaced by a newer one that does not', () => {
    const recent = new RecentEvents();
    recent.remember(10, at(11, 12));
    recent.remember(12, at(13, 15));
    expect(positions(recent.read(10, 100))).toEqual([11, 12, 13, 15]);
    recent.remember(11, at(12, 13, 15, 16)); // overlapping: only what is new is added
    expect(positions(recent.read(10, 100))).toEqual([11, 12, 13, 15, 16]);
    recent.remember(0, at(1, 2)); // an old read (a rebuild): the newest stretch stays
    expect(positions(recent.read(10, 100))).toEqual([11, 12, 13, 15, 16]);
    recent.remember(40, at(41)); // newer, with a hole before it: starts again there
    expect(recent.read(16, 100)).toBeNull();
    expect(positions(recent.read(40, 100))).toEqual([41]);
  });

  it('keeps only the newest events beyond its capacity', () => {
    const recent = new RecentEvents(3);
    recent.remember(0, at(1, 2, 3, 4, 5));
    expect(recent.read(0, 100)).toBeNull();
    expect(positions(recent.read(2, 100))).toEqual([3, 4, 5]);
  });
});
