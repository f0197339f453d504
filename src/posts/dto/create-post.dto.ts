import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { ALT_TEXT_MAX_LENGTH, CAPTION_MAX_LENGTH } from '../limits';
import { OptionalText } from './post-fields';

export class CreatePostDto {
  /** From POST /api/images/uploads, after the bytes were PUT to its URL. */
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'uploadId must be an upload id' })
  uploadId: string;

  @OptionalText(CAPTION_MAX_LENGTH, 'Up to 2,200 characters')
  caption?: string | null;

  @OptionalText(
    ALT_TEXT_MAX_LENGTH,
    'A description of the image for people who cannot see it, up to 1,000 characters',
  )
  altText?: string | null;
}
