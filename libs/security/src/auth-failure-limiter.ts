/**
 * Slows down guessing: a client (by address) with too many failed authentications in a window
 * is refused with 429 until the window passes. In memory, per process.
 */
export class AuthFailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  record(client: string): void {
    const now = Date.now();
    const recent = (this.failures.get(client) ?? []).filter((t) => now - t < this.windowMs);
    recent.push(now);
    this.failures.set(client, recent);
  }

  isBlocked(client: string): boolean {
    const now = Date.now();
    const recent = (this.failures.get(client) ?? []).filter((t) => now - t < this.windowMs);
    this.failures.set(client, recent);
    return recent.length >= this.limit;
  }
}
