import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { EmptyToNull, LowerTrimmed } from '../../common/dto/text-transforms';

export const USERNAME_PATTERN = /^[a-z0-9._]{3,30}$/;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** 3–30 of a-z 0-9 . _; compared and stored lower-case. */
export const UsernameField = () =>
  applyDecorators(
    ApiProperty({
      minLength: 3,
      maxLength: 30,
      pattern: USERNAME_PATTERN.source,
      example: 'ada.l',
    }),
    LowerTrimmed(),
    IsString(),
    Matches(USERNAME_PATTERN, {
      message: 'username must be 3 to 30 characters of a-z, 0-9, dot and underscore',
    }),
  );

export const EmailField = () =>
  applyDecorators(
    ApiProperty({ format: 'email', maxLength: 254, example: 'ada@example.com' }),
    LowerTrimmed(),
    IsString(),
    MaxLength(254),
    IsEmail({}, { message: 'email must be a valid email address' }),
  );

export const PasswordField = (name = 'password') =>
  applyDecorators(
    ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, format: 'password' }),
    IsString(),
    Length(PASSWORD_MIN, PASSWORD_MAX, {
      message: `${name} must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`,
    }),
  );

export const NameField = () =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength: 50, example: 'Ada' }),
    IsOptional(),
    EmptyToNull(),
    IsString(),
    MaxLength(50),
  );

export const BioField = () =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 }),
    IsOptional(),
    EmptyToNull(),
    IsString(),
    MaxLength(500),
  );
