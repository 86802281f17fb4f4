import { type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { RateLimited } from '@cogov/http';

const UNTHROTTLED = 'cogov:unthrottled';

/**
 * Exempts a route from every request throttler. The library's `@SkipThrottle()` without
 * arguments skips only a throttler named `default`, and ours have names.
 */
export const Unthrottled = () => SetMetadata(UNTHROTTLED, true);

/**
 * @nestjs/throttler's guard, answering a limit the way every other limit answers: the one error
 * shape and the standard `Retry-After`, not its `ThrottlerException` text (its own headers,
 * `X-RateLimit-*-<throttler>` and `Retry-After-<throttler>`, stay).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    return Promise.resolve(
      this.reflector.getAllAndOverride<boolean | undefined>(UNTHROTTLED, [
        context.getHandler(),
        context.getClass(),
      ]) === true,
    );
  }

  protected override throwThrottlingException(
    _context: ExecutionContext,
    limit: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new RateLimited(limit.timeToBlockExpire);
  }
}
