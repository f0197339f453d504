import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { AppError, ErrorCode } from '../common/errors/app-error';
import { createValidationPipe } from '../common/errors/validation';
import type { User } from '../users/entities/user.entity';
import { INVALID_LOGIN } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { DeviceCookies } from './login/device-cookie';
import { LoginThrottle } from './login/login-throttle';
import { startSession } from './session/session-data';

/**
 * Validates the body (guards run before pipes, so a rejected body must never reach passport),
 * admits the attempt past the login throttle, checks the credentials with the local strategy
 * (a failure counts against the device or the login name), then signs in on a fresh session
 * id and gives the browser its device cookie.
 */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  private readonly pipe = createValidationPipe();

  constructor(
    private readonly throttle: LoginThrottle,
    private readonly devices: DeviceCookies,
  ) {
    super();
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const body = (await this.pipe.transform(req.body, {
      type: 'body',
      metatype: LoginDto,
    })) as LoginDto;
    req.body = body;
    const attempt = await this.throttle.admit(req, body.login);
    try {
      await super.canActivate(context);
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.InvalidCredentials) {
        await this.throttle.failed(attempt);
      }
      throw error;
    }
    await startSession(req, req.user as User);
    this.devices.remember(req.res!, body.login);
    return true;
  }

  handleRequest<TUser = User>(error: unknown, user: TUser | false): TUser {
    if (error) throw error;
    if (!user) throw new AppError(ErrorCode.InvalidCredentials, INVALID_LOGIN);
    return user;
  }
}
