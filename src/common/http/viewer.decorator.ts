import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from '../roles';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    /** What the session layer puts on `req.user`: at least who the caller is. */
    interface User {
      id: string;
      username: string;
      role: Role;
      /** See Viewer.hasBlocksOrMutes. */
      hasBlocksOrMutes?: boolean;
    }
  }
}

/**
 * The signed-in caller as services see it: who they are, never their database row (no
 * password hash, no email). Services load more through their own module when they need it.
 */
export interface Viewer {
  readonly id: string;
  readonly username: string;
  /** What the caller may moderate (see common/roles.ts). */
  readonly role: Role;
  /**
   * Whether the caller is in a block (either way) or mutes anyone, as read with the session:
   * when false, the visibility policy leaves those checks out of its conditions. Unknown
   * (undefined) counts as true.
   */
  readonly hasBlocksOrMutes?: boolean;
}

/**
 * The signed-in caller; undefined on public routes when nobody is signed in. Routes that
 * need one are marked `@SignedIn()`.
 */
export const Viewer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Viewer | undefined => {
    const user = context.switchToHttp().getRequest<Request>().user;
    if (!user) return undefined;
    const { id, username, role, hasBlocksOrMutes } = user;
    return { id, username, role, hasBlocksOrMutes };
  },
);
