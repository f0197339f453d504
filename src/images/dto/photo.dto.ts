import { ApiProperty } from '@nestjs/swagger';

/** One WebP variant of a photo or an avatar. */
export class VariantDto {
  @ApiProperty({ example: 1080 })
  width: number;
  @ApiProperty({ example: 1440 })
  height: number;
  @ApiProperty({ enum: ['image/webp'] })
  contentType: 'image/webp';
  @ApiProperty({
    description: 'Short-lived signed URL, or a CDN URL when PUBLIC_IMAGE_BASE_URL is set',
  })
  url: string;
}

/** A photo as clients see it: its upright size, placeholder and variants. */
export class PhotoDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: ['processing', 'ready', 'failed'] })
  status: 'processing' | 'ready' | 'failed';
  /** Of the upright image. */
  @ApiProperty()
  width: number;
  @ApiProperty()
  height: number;
  @ApiProperty({ type: String, nullable: true, description: 'ThumbHash, base64' })
  placeholder: string | null;
  @ApiProperty({ type: String, nullable: true, example: '#7a8c9e' })
  color: string | null;
  @ApiProperty({ description: 'The widest variant up to 1080 px; empty until the photo is ready' })
  url: string;
  @ApiProperty({
    type: [VariantDto],
    description:
      'Widest first: 2048, 1080, 640 and 320 px narrower than the photo, plus one at its own width under 2048; empty until ready',
  })
  variants: VariantDto[];
}
