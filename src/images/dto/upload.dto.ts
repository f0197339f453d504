import { ApiProperty } from '@nestjs/swagger';

/** Where and how to send the bytes: PUT `url` with `headers`, before `expiresAt`. */
export class UploadDto {
  /** Pass to POST /api/posts (or as avatarUploadId) once the bytes are uploaded. */
  @ApiProperty({ format: 'uuid' })
  uploadId: string;

  @ApiProperty({
    description: 'Presigned URL; absolute for S3, same-origin path for the embedded storage',
  })
  url: string;

  @ApiProperty({ enum: ['PUT'] })
  method: 'PUT';

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { 'Content-Type': 'image/jpeg' },
  })
  headers: Record<string, string>;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt: string;
}
