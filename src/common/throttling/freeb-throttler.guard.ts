import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Response } from 'express';
import { AppError, ErrorCode } from '../errors/app-error';
import { rateLimitGroupOf } from './rate-limited.decorator';

/**
 * @nestjs/throttler's guard, answering with a plain Retry-After and a problem. Every throttler
 * applies to one group of routes (@RateLimited), so a route in none (every read) is let through
 * at once, without asking each throttler.
 */
@Injectable()
export class FreebThrottlerGuard extends ThrottlerGuard {
  /** A route in no group is let through before the throttlers are looked at (every read asks). */
  canActivate(context: ExecutionContext): Promise<boolean> {
    return rateLimitGroupOf(context) === undefined
      ? Promise.resolve(true)
      : super.canActivate(context);
  }

  protected async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const res = context.switchToHttp().getResponse<Response>();
    res.setHeader('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    throw new AppError(
      ErrorCode.TooManyRequests,
      `Too many attempts; try again in ${Math.max(1, detail.timeToBlockExpire)} seconds.`,
    );
  }
}
