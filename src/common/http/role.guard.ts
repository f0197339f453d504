import {
  CanActivate,
  ExecutionContext,
  Injectable,
  SetMetadata,
  applyDecorators,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiCookieAuth } from '@nestjs/swagger';
import type { Request } from 'express';
import { AppError, ErrorCode, forbidden } from '../errors/app-error';
import { type Role, hasRole } from '../roles';

const REQUIRED_ROLE = 'freeb:required-role';

/** Signed in (else 401) with at least the route's role (else 403). */
@Injectable()
export class RoleGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    // `req.user`, not passport's isAuthenticated(): anonymous requests skip passport altogether.
    if (!request.user) throw new AppError(ErrorCode.Unauthenticated, 'Sign in to do this.');
    const least = this.reflector.get<Role>(REQUIRED_ROLE, context.getHandler());
    const role = request.user.role;
    if (hasRole(role, least)) return true;
    throw forbidden(
      least === 'admin' ? 'Only admins can do this.' : 'Only moderators can do this.',
    );
  }
}

/** The route needs a session whose user has at least `least` (`moderator` includes admins). */
export const RequiresRole = (least: Role) =>
  applyDecorators(SetMetadata(REQUIRED_ROLE, least), UseGuards(RoleGuard), ApiCookieAuth());
