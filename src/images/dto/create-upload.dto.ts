import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Min } from 'class-validator';
import { IMAGE_CONTENT_TYPES } from '../content-types';

export class CreateUploadDto {
  /** The image's type; the PUT must send exactly this Content-Type. */
  @ApiProperty({ enum: IMAGE_CONTENT_TYPES, example: 'image/jpeg' })
  @IsString()
  @IsIn(IMAGE_CONTENT_TYPES, {
    message: `contentType must be one of ${IMAGE_CONTENT_TYPES.join(', ')}`,
  })
  contentType: string;

  /** The exact size in bytes; the PUT must send exactly this Content-Length. */
  @ApiProperty({ minimum: 1, example: 482113 })
  @IsInt({ message: 'size must be a whole number of bytes' })
  @Min(1)
  size: number;
}
