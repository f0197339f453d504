import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { ALT_TEXT_MAX_LENGTH, CAPTION_MAX_LENGTH, MAX_PHOTOS_PER_POST } from '../limits';
import { OptionalText } from './post-fields';

const ALT_TEXT = 'A description of the photo for people who cannot see it, up to 1,000 characters';

/** One photo of a new post. */
export class NewPostMediaDto {
  /** From POST /api/images/uploads, after the bytes were PUT to its URL. */
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'uploadId must be an upload id' })
  uploadId: string;

  @OptionalText(ALT_TEXT_MAX_LENGTH, ALT_TEXT)
  altText?: string | null;
}

/**
 * `media` (1–20 photos, in order) or, as older clients send it, one photo as `uploadId` and
 * `altText`.
 */
export class CreatePostDto {
  @ApiPropertyOptional({
    type: [NewPostMediaDto],
    minItems: 1,
    maxItems: MAX_PHOTOS_PER_POST,
    description: `The photos, in order: 1 to ${MAX_PHOTOS_PER_POST}`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'media must hold at least one photo' })
  @ArrayMaxSize(MAX_PHOTOS_PER_POST, {
    message: `media must hold at most ${MAX_PHOTOS_PER_POST} photos`,
  })
  @ValidateNested({ each: true })
  @Type(() => NewPostMediaDto)
  media?: NewPostMediaDto[];

  /** One photo, as older clients send it: the same as `media: [{uploadId, altText}]`. */
  @ApiPropertyOptional({ format: 'uuid', deprecated: true })
  @IsOptional()
  @IsUUID('all', { message: 'uploadId must be an upload id' })
  uploadId?: string;

  @OptionalText(CAPTION_MAX_LENGTH, 'Up to 2,200 characters')
  caption?: string | null;

  @OptionalText(ALT_TEXT_MAX_LENGTH, `With uploadId: ${ALT_TEXT}`)
  altText?: string | null;
}
