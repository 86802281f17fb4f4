import { createHash } from 'node:crypto';
import type { ThrottlerStorage } from '@nestjs/throttler';

/** The name the failures are counted under, in the store the request throttlers use too. */
const COUNTED_AS = 'auth-failures';

export interface FailedAuthentication {
  /** The client's address. */
  readonly address: string;
  /** The token or key presented, if any; only its hash reaches the store. */
  readonly credential: string | null;
}

/**
 * Slows down guessing without ever locking anyone out. Only failed authentications are counted,
 * per address and per presented credential (a dead token replayed from many addresses), and only
 * a failing attempt over a limit is refused with 429: a valid credential is accepted before it
 * gets here, however often its address has failed.
 */
export class AuthFailureLimiter {
  constructor(
    private readonly store: ThrottlerStorage,
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts the failure; when its address or credential is over the limit, the seconds until it frees. */
  async record(failure: FailedAuthentication): Promise<number | null> {
    const keys = [digest('address', failure.address)];
    if (failure.credential !== null) keys.push(digest('credential', failure.credential));
    const counts = await Promise.all(
      keys.map((key) => this.store.increment(key, this.windowMs, this.limit, 0, COUNTED_AS)),
    );
    const over = counts.filter((count) => count.isBlocked);
    return over.length === 0 ? null : Math.max(...over.map((count) => count.timeToBlockExpire));
  }
}

function digest(kind: string, value: string): string {
  return createHash('sha256').update(`${kind}:${value}`).digest('hex');
}
