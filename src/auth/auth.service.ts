import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode, invalid } from '../common/errors/app-error';
import { User } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { SignupDto } from './dto/signup.dto';
import { PasswordHasher } from './password/password-hasher';
import { checkNewPassword } from './password/password-policy';

/** One message for every failed login, so it never tells which part was wrong. */
export const INVALID_LOGIN = 'Wrong login or password.';

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
  async changePassword(viewer: User, dto: ChangePasswordDto): Promise<User> {
    await this.confirmPassword(viewer, dto.currentPassword, 'currentPassword');
    const weak = checkNewPassword(dto.newPassword, 'newPassword', viewer);
    if (weak) throw invalid([weak]);
    if (dto.newPassword === dto.currentPassword) {
      throw invalid([
        { field: 'newPassword', message: 'newPassword must differ from the current one' },
      ]);
    }
    return this.users.replacePassword(viewer, await this.hasher.hash(dto.newPassword));
  }

  async deleteAccount(viewer: User, password: string): Promise<void> {
    await this.confirmPassword(viewer, password, 'password');
    await this.users.deleteAccount(viewer);
  }

  private async confirmPassword(viewer: User, password: string, field: string): Promise<void> {
    if (!(await this.hasher.verify(viewer.passwordHash, password))) {
      throw new AppError(ErrorCode.Forbidden, 'The password is not correct.', [
        { field, message: `${field} is not correct` },
      ]);
    }
  }
}
