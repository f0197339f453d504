import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FreebConfig } from '../config/configuration';
import { ImagesModule } from '../images/images.module';
import { ImageProcessor } from './image-processor';
import { MediaJobs } from './media-jobs';
import { MEDIA_LIMITS, type MediaLimits } from './media-limits';

/** The media pipeline: photos and avatars into WebP variants and placeholders, as jobs. */
@Module({
  imports: [ImagesModule],
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
    MediaJobs,
  ],
  exports: [ImageProcessor],
})
export class MediaModule {}
