import { EmailField, NameField, PasswordField, UsernameField } from '../../users/dto/user-fields';

export class SignupDto {
  @UsernameField()
  username: string;

  @EmailField()
  email: string;

  /** 8–128 characters, not one of the most common passwords. */
  @PasswordField()
  password: string;

  @NameField()
  firstName?: string | null;

  @NameField()
  lastName?: string | null;
}
