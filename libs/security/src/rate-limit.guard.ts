import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { RateLimited } from '@cogov/http';

/**
 * @nestjs/throttler's guard, answering a limit the way every other limit answers: the one error
 * shape with `Retry-After`, instead of its `ThrottlerException` text and a `Retry-After-<name>`
 * header no client reads.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override throwThrottlingException(
    _context: ExecutionContext,
    limit: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new RateLimited(limit.timeToBlockExpire);
  }
}
