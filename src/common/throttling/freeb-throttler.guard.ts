import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Response } from 'express';
import { AppError, ErrorCode } from '../errors/app-error';

/** @nestjs/throttler's guard, answering with a plain Retry-After and a problem. */
@Injectable()
export class FreebThrottlerGuard extends ThrottlerGuard {
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
