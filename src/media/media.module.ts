import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FreebConfig } from '../config/configuration';
import { ImageProcessor } from './image-processor';
import { MEDIA_LIMITS, type MediaLimits } from './media-limits';

/** The media pipeline: photos and avatars into WebP variants and placeholders. */
@Module({
  providers: [
    {
      provide: MEDIA_LIMITS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<FreebConfig, true>): MediaLimits => {
        const storage = config.get('storage', { infer: true });
        return { maxPixels: storage.maxImagePixels, maxFrames: storage.maxAnimationFrames };
      },
    },
    ImageProcessor,
  ],
  exports: [ImageProcessor],
})
export class MediaModule {}
