import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppError, ErrorCode } from '../errors/app-error';

/** Lets the request through only with a live, unrevoked session. */
@Injectable()
export class AuthenticatedGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    // `req.user`, not passport's isAuthenticated(): anonymous reads skip passport altogether.
    if (request.user) return true;
    throw new AppError(ErrorCode.Unauthenticated, 'Sign in to do this.');
  }
}
