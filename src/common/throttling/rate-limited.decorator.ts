import { ExecutionContext, SetMetadata } from '@nestjs/common';

export type RateLimitGroup =
  'signup' | 'uploads' | 'likes' | 'comments' | 'follows' | 'relations' | 'reports';

const RATE_LIMITED = 'freeb:rate-limited';

/** Puts a route under the named throttlers of its group (see throttling.module.ts). */
export const RateLimited = (group: RateLimitGroup) => SetMetadata(RATE_LIMITED, group);

export function rateLimitGroupOf(context: ExecutionContext): RateLimitGroup | undefined {
  return Reflect.getMetadata(RATE_LIMITED, context.getHandler()) as RateLimitGroup | undefined;
}
