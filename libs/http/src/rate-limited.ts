import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * A limit was reached: `429` with `Retry-After`, in the one error shape. The message says what
 * was limited and when to ask again, and nothing of how the limiter is built.
 */
export class RateLimited extends HttpException {
  /** Whole seconds until the window frees, at least one (`Retry-After` has no fractions). */
  readonly retryAfterSeconds: number;

  constructor(secondsUntilFree: number, what = 'too many requests') {
    const retryAfterSeconds = Math.max(1, Math.ceil(secondsUntilFree));
    super(
      {
        error: 'rate-limited',
        message: `${what}; try again in ${retryAfterSeconds} s`,
        details: { retryAfterSeconds },
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
