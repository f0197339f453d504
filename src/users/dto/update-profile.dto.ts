import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { BioField, NameField } from './user-fields';

/** Fields left out stay as they are; an empty string clears one. */
export class UpdateProfileDto {
  @NameField()
  firstName?: string | null;

  @NameField()
  lastName?: string | null;

  @BioField()
  bio?: string | null;

  /** An upload (POST /api/images/uploads, bytes PUT) to use as the avatar; replaces the old one. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'avatarUploadId must be an upload id' })
  avatarUploadId?: string;

  /** Private: following takes a request you accept; posts and follow lists for followers only. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'private must be true or false' })
  private?: boolean;
}
