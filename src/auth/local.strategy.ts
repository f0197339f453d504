import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { AppError, ErrorCode } from '../common/errors/app-error';
import type { User } from '../users/entities/user.entity';
import { ACCOUNT_SUSPENDED, AuthService, INVALID_LOGIN } from './auth.service';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'login', passwordField: 'password' });
  }

  async validate(login: string, password: string): Promise<User> {
    const user = await this.auth.checkCredentials(login, password);
    if (!user) throw new AppError(ErrorCode.InvalidCredentials, INVALID_LOGIN);
    // Only after the password matched: a wrong one answers the usual 401.
    if (user.suspendedAt) throw new AppError(ErrorCode.Suspended, ACCOUNT_SUSPENDED);
    return user;
  }
}
