import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { PasswordField } from '../../users/dto/user-fields';

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(1024)
  currentPassword: string;

  /** 8–128 characters, not one of the most common passwords. */
  @PasswordField('newPassword')
  newPassword: string;
}
