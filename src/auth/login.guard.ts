import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { AppError, ErrorCode } from '../common/errors/app-error';
import { createValidationPipe } from '../common/errors/validation';
import type { User } from '../users/entities/user.entity';
import { INVALID_LOGIN } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { startSession } from './session/session-data';

/**
 * Validates the body (guards run before pipes, so a rejected body must never reach passport),
 * checks the credentials with the local strategy, then signs in on a fresh session id.
 */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  private readonly pipe = createValidationPipe();

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    req.body = await this.pipe.transform(req.body, { type: 'body', metatype: LoginDto });
    await super.canActivate(context);
    await startSession(req, req.user as User);
    return true;
  }

  handleRequest<TUser = User>(error: unknown, user: TUser | false): TUser {
    if (error) throw error;
    if (!user) throw new AppError(ErrorCode.InvalidCredentials, INVALID_LOGIN);
    return user;
  }
}
