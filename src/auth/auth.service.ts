import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode, invalid } from '../common/errors/app-error';
import type { Viewer } from '../common/http/viewer.decorator';
import type { User } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { SignupDto } from './dto/signup.dto';
import { PasswordHasher } from './password/password-hasher';
import { checkNewPassword } from './password/password-policy';

/** One message for every failed login, so it never tells which part was wrong. */
export const INVALID_LOGIN = 'Wrong login or password.';

export const ACCOUNT_SUSPENDED = 'This account is suspended.';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
  ) {}

  async signup(dto: SignupDto): Promise<User> {
    const weak = checkNewPassword(dto.password, 'password', dto);
    if (weak) throw invalid([weak]);
    return this.users.create({
      username: dto.username,
      email: dto.email,
      passwordHash: await this.hasher.hash(dto.password),
      firstName: dto.firstName,
      lastName: dto.lastName,
    });
  }

  /** The user when login and password match, else null; about the same time either way. */
  async checkCredentials(login: string, password: string): Promise<User | null> {
    const user = await this.users.findByLogin(login);
    if (!user) return this.hasher.verifyNothing(password).then(() => null);
    return (await this.hasher.verify(user.passwordHash, password)) ? user : null;
  }

  /** Returns the user with the bumped session generation that the caller's session must carry. */
  async changePassword(viewer: Viewer, dto: ChangePasswordDto): Promise<User> {
    const account = await this.users.findByIdOrGone(viewer.id);
    await this.confirmPassword(account, dto.currentPassword, 'currentPassword');
    const weak = checkNewPassword(dto.newPassword, 'newPassword', account);
    if (weak) throw invalid([weak]);
    if (dto.newPassword === dto.currentPassword) {
      throw invalid([
        { field: 'newPassword', message: 'newPassword must differ from the current one' },
      ]);
    }
    return this.users.replacePassword(account.id, await this.hasher.hash(dto.newPassword));
  }

  async deleteAccount(viewer: Viewer, password: string): Promise<void> {
    await this.confirmPassword(await this.users.findByIdOrGone(viewer.id), password, 'password');
    await this.users.deleteAccount(viewer.id);
  }

  private async confirmPassword(account: User, password: string, field: string): Promise<void> {
    if (!(await this.hasher.verify(account.passwordHash, password))) {
      throw new AppError(ErrorCode.Forbidden, 'The password is not correct.', [
        { field, message: `${field} is not correct` },
      ]);
    }
  }
}
