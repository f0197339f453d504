import { Controller, Get } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common/pagination/page';
import type { FreebConfig } from '../config/configuration';
import { IMAGE_CONTENT_TYPES } from '../images/content-types';
import {
  ALT_TEXT_MAX_LENGTH,
  CAPTION_MAX_LENGTH,
  COMMENT_MAX_LENGTH,
  MAX_PHOTOS_PER_POST,
} from './limits';

class UploadLimitsDto {
  @ApiProperty({ example: IMAGE_CONTENT_TYPES })
  allowedContentTypes: string[];
  @ApiProperty({ example: 20971520 })
  maxBytes: number;
  @ApiProperty({ example: 50000000 })
  maxPixels: number;
  @ApiProperty({ example: 600, description: 'How long an upload URL stays valid' })
  urlTtlSeconds: number;
}

class TextLimitsDto {
  @ApiProperty({ example: CAPTION_MAX_LENGTH })
  captionMaxLength: number;
  @ApiProperty({ example: ALT_TEXT_MAX_LENGTH })
  altTextMaxLength: number;
  @ApiProperty({ example: COMMENT_MAX_LENGTH })
  commentMaxLength: number;
}

class PageLimitsDto {
  @ApiProperty({ example: DEFAULT_PAGE_SIZE })
  defaultLimit: number;
  @ApiProperty({ example: MAX_PAGE_SIZE })
  maxLimit: number;
}

export class MetaDto {
  @ApiProperty({ example: MAX_PHOTOS_PER_POST, description: 'Most photos in one post' })
  maxPhotosPerPost: number;
  @ApiProperty({ example: IMAGE_CONTENT_TYPES, description: 'The types an upload may have' })
  allowedContentTypes: string[];
  @ApiProperty({ type: UploadLimitsDto })
  upload: UploadLimitsDto;
  @ApiProperty({ type: TextLimitsDto })
  text: TextLimitsDto;
  @ApiProperty({ type: PageLimitsDto })
  page: PageLimitsDto;
}

@ApiTags('meta')
@Controller('meta')
export class MetaController {
  private readonly meta: MetaDto;

  constructor(config: ConfigService<FreebConfig, true>) {
    const storage = config.get('storage', { infer: true });
    this.meta = {
      maxPhotosPerPost: MAX_PHOTOS_PER_POST,
      allowedContentTypes: IMAGE_CONTENT_TYPES,
      upload: {
        allowedContentTypes: IMAGE_CONTENT_TYPES,
        maxBytes: storage.maxUploadBytes,
        maxPixels: storage.maxImagePixels,
        urlTtlSeconds: storage.uploadUrlTtlSeconds,
      },
      text: {
        captionMaxLength: CAPTION_MAX_LENGTH,
        altTextMaxLength: ALT_TEXT_MAX_LENGTH,
        commentMaxLength: COMMENT_MAX_LENGTH,
      },
      page: { defaultLimit: DEFAULT_PAGE_SIZE, maxLimit: MAX_PAGE_SIZE },
    };
  }

  @Get()
  @ApiOperation({ summary: 'The limits a client must know before it uploads or posts' })
  @ApiOkResponse({ type: MetaDto })
  get(): MetaDto {
    return this.meta;
  }
}
