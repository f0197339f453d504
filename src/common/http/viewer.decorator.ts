import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../users/entities/user.entity';

/**
 * The signed-in caller, as loaded by the session serializer; undefined on public routes
 * when nobody is signed in. Routes that need one put AuthenticatedGuard in front.
 */
export const Viewer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): User | undefined =>
    (context.switchToHttp().getRequest<Request>().user as User | undefined) ?? undefined,
);
