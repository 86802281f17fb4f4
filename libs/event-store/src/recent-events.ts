import type { RecordedEvent } from './event-store.port';

/**
 * The newest stretch of the log this process has read, in global order and without holes. Every
 * follower of one store (a projection, a consumer group: twenty and more in the embedded
 * platform) reads the same few new events after each append; the first read goes to the
 * database, the others are answered from here. A stretch is only ever extended by a read that
 * starts inside it, so it is exactly what the database answered, and a read that starts at its
 * end always goes to the database (there may be more). Events are shared by the readers: nobody
 * may change one. A row changed in place under the store (tampering) is not seen here until the
 * stretch moves on; auditing reads must not rely on this cache.
 */
export class RecentEvents {
  private from = 0;
  private events: RecordedEvent[] = [];

  constructor(private readonly capacity = 4096) {}

  /** The events after `after` if the stretch holds them, at most `maxCount`; null to ask the database. */
  read(after: number, maxCount: number): RecordedEvent[] | null {
    const to = this.to();
    if (this.events.length === 0 || after < this.from || after >= to) return null;
    const start = this.indexAfter(after);
    return this.events.slice(start, start + maxCount);
  }

  /** What the database answered for the events after `after`, oldest first. */
  remember(after: number, read: readonly RecordedEvent[]): void {
    if (read.length === 0) return;
    const last = read[read.length - 1]!.globalPosition;
    const to = this.to();
    if (this.events.length > 0 && last <= to) return; // older than what is kept: nothing new
    if (this.events.length > 0 && after >= this.from && after <= to) {
      for (const event of read) if (event.globalPosition > to) this.events.push(event);
    } else {
      this.from = after;
      this.events = [...read];
    }
    if (this.events.length > this.capacity) {
      const drop = this.events.length - this.capacity;
      this.from = this.events[drop - 1]!.globalPosition;
      this.events = this.events.slice(drop);
    }
  }

  private to(): number {
    return this.events.length === 0 ? this.from : this.events[this.events.length - 1]!.globalPosition;
  }

  /** The index of the first kept event after `after` (positions increase, with gaps allowed). */
  private indexAfter(after: number): number {
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.events[mid]!.globalPosition <= after) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
